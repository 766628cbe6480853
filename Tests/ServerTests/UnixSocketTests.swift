import Glibc
import TestSupport
import Testing

@testable import Server

@Suite(.serialized) struct UnixSocketTests {
    func temporaryPath() -> String { "/tmp/kz-api-test-\(getpid())-\(Int.random(in: 0..<1_000_000)).sock" }

    @Test func unixSocket_servesRequests_withItsMode_andIsRemovedOnShutdown() throws {
        let path = temporaryPath()
        let server = try TestServer {
            $0.unixSocketPath = path
            $0.unixSocketMode = 0o600
        }
        var info = stat()
        #expect(lstat(path, &info) == 0)
        #expect(info.st_mode & S_IFMT == S_IFSOCK)
        #expect(info.st_mode & 0o777 == 0o600)
        #expect(server.server.boundAddress == "unix:" + path)
        for i in 0..<3 {
            let client = try RawHTTPClient(unixPath: path)
            try client.send("GET /u\(i) HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try client.readResponse().bodyText == "ok /u\(i)")
        }
        server.server.shutdown(grace: .milliseconds(100))
        #expect(lstat(path, &info) != 0)
    }

    /// The one Unix listener is shared by both loops: it keeps accepting through the quiet period, then the loop that
    /// closes it first shuts it down for reading, and the other loop notices and stops too.
    @Test func unixSocket_atShutdown_acceptsThroughTheQuietPeriod_thenStops() throws {
        let path = temporaryPath()
        let server = try TestServer {
            $0.unixSocketPath = path
            $0.shutdownQuietPeriod = .milliseconds(400)
        }
        let began = Instant.now()
        let stopping = ShutdownThread(server.server)
        usleep(100_000)
        let late = try RawHTTPClient(unixPath: path)
        try late.send("GET /late HTTP/1.1\r\nHost: t\r\n\r\n")
        let answer = try late.readResponse()
        #expect(answer.bodyText == "ok /late")
        #expect(answer.header("Connection") == "close")
        stopping.join()
        let took = Instant.now() - began
        #expect(took >= .milliseconds(400) && took < .seconds(2), "stopped after \(took)")
        var info = stat()
        #expect(lstat(path, &info) != 0)
    }

    @Test func staleSocketFile_isReplaced() throws {
        let path = temporaryPath()
        // A socket file nobody accepts on, as a crashed process leaves behind.
        let stale = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: path.utf8) }
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(stale, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        close(stale)
        let server = try TestServer { $0.unixSocketPath = path }
        let client = try RawHTTPClient(unixPath: path)
        try client.send("GET /s HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(try client.readResponse().status == 200)
        _ = server
    }

    @Test func liveSocket_orARegularFile_isNotTakenOver() throws {
        let path = temporaryPath()
        let first = try TestServer { $0.unixSocketPath = path }
        #expect(throws: Server.StartError.self) { _ = try TestServer { $0.unixSocketPath = path } }
        _ = first
        let file = temporaryPath()
        let fd = open(file, O_CREAT | O_WRONLY, 0o600)
        close(fd)
        defer { unlink(file) }
        #expect(throws: Server.StartError.self) { _ = try TestServer { $0.unixSocketPath = file } }
        var info = stat()
        #expect(lstat(file, &info) == 0 && info.st_mode & S_IFMT == S_IFREG)
    }
}
