import Glibc
import TestSupport
import Testing

@testable import Server

/// The drain and the shutdown through a real server on loopback: during the drain every response closes its
/// connection while the listener keeps accepting; at shutdown new handshakes are ignored, then refused, while the
/// connections already open are still answered.
@Suite struct ServerDrainTests {
    @Test func drain_everyResponseSaysConnectionClose_idleConnectionsStayOpen_andTheListenerKeepsAccepting() throws {
        let server = try TestServer()
        let kept = try server.client()
        try kept.send("GET /a HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(try kept.readResponse().header("Connection") == nil, "keep-alive before the drain")

        server.server.beginDrain()
        usleep(200_000)
        #expect(!kept.hasInput(), "an idle connection is not closed by the drain")
        try kept.send("GET /b HTTP/1.1\r\nHost: t\r\n\r\n")
        let last = try kept.readResponse()
        #expect(last.bodyText == "ok /b")
        #expect(last.header("Connection") == "close")
        #expect(kept.isClosedByPeer())

        let late = try server.client()
        try late.send("GET /c HTTP/1.1\r\nHost: t\r\n\r\n")
        let answer = try late.readResponse()
        #expect(answer.bodyText == "ok /c")
        #expect(answer.header("Connection") == "close")
        #expect(late.isClosedByPeer())
    }

    @Test func shutdown_ignoresNewHandshakes_answersAnOpenConnection_andThenRefusesConnects() throws {
        let server = try TestServer { $0.shutdownQuietPeriod = .milliseconds(800) }
        let open = try server.client()
        try open.send("GET /a HTTP/1.1\r\nHost: t\r\n\r\n")
        _ = try open.readResponse()

        let stopping = ShutdownThread(server.server)
        usleep(150_000)
        #expect(!handshakeCompletes(port: server.port, withinMilliseconds: 200), "new handshakes are ignored")
        // Quiet for less than the quiet period: still open, and its next request is answered, with close.
        try open.send("GET /b HTTP/1.1\r\nHost: t\r\n\r\n")
        let answer = try open.readResponse()
        #expect(answer.bodyText == "ok /b")
        #expect(answer.header("Connection") == "close")
        stopping.join()
        #expect {
            try RawHTTPClient(port: server.port)
        } throws: { error in
            if case RawHTTPClient.ClientError.system("connect", ECONNREFUSED) = error { return true }
            return false
        }
    }

    /// Whether a TCP connect to loopback completes within the time (a non-blocking connect, then poll).
    private func handshakeCompletes(port: Int, withinMilliseconds milliseconds: Int32) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = in_addr_t(0x7F00_0001).bigEndian
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        var entry = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
        guard poll(&entry, 1, milliseconds) > 0 else { return false }
        var error: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length)
        return error == 0
    }
}
