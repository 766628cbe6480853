import Glibc
import Testing

@testable import Server

/// `Connection` carrying out the drain and shutdown rules over a socket pair, with the loop's clock moved by hand:
/// what reaches the peer, and whether the connection asks its loop to close it.
@Suite struct ConnectionDrainTests {
    /// The connection's socket (non-blocking, as accepted ones are) and the peer's end, closed when the test ends.
    final class Pair {
        let server: Int32
        let peer: Int32

        init() throws {
            var fds: [Int32] = [0, 0]
            guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &fds) == 0 else {
                throw SystemError("socketpair")
            }
            server = fds[0]
            peer = fds[1]
            _ = fcntl(server, F_SETFL, fcntl(server, F_GETFL) | O_NONBLOCK)
            _ = fcntl(peer, F_SETFL, fcntl(peer, F_GETFL) | O_NONBLOCK)
        }

        deinit {
            close(server)
            close(peer)
        }

        func send(_ text: String) {
            let bytes = Array(text.utf8)
            _ = bytes.withUnsafeBytes { write(peer, $0.baseAddress, $0.count) }
        }

        /// What the connection wrote so far.
        func received() -> String {
            var buffer = [UInt8](repeating: 0, count: 65_536)
            let n = buffer.withUnsafeMutableBytes { read(peer, $0.baseAddress, $0.count) }
            return n > 0 ? String(decoding: buffer[0..<n], as: UTF8.self) : ""
        }
    }

    let context: LoopContext = {
        var configuration = ServerConfiguration()
        configuration.accessLog = .off
        configuration.shutdownQuietPeriod = .milliseconds(200)
        return LoopContext(
            configuration: configuration, handler: EchoHandler(), metrics: ServerMetrics(), metricsShard: 0)
    }()

    func connection(on pair: Pair) -> Connection {
        Connection(
            fd: pair.server, token: 1, remoteAddress: "peer", peerIsTrustedProxy: false,
            limits: context.configuration.limits, timeouts: context.configuration.timeouts, now: context.now)
    }

    @Test func drain_aRequestOnAKeepAliveConnection_isAnsweredWithClose_andTheConnectionCloses() throws {
        let pair = try Pair()
        let connection = connection(on: pair)
        pair.send("GET /a HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(connection.onReadable(context) == .keepOpen)
        #expect(!pair.received().contains("Connection: close"))

        connection.drainRequested()
        #expect(connection.tick(context) == .keepOpen, "the drain closes nothing by itself")
        pair.send("GET /b HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(connection.onReadable(context) == .close)
        let answer = pair.received()
        #expect(answer.contains("ok /b"))
        #expect(answer.contains("Connection: close\r\n"))
    }

    @Test func shutdown_aRequestAlreadyInTheSocketOfAQuietConnection_isAnsweredBeforeTheClose() throws {
        let pair = try Pair()
        let connection = connection(on: pair)
        #expect(connection.shutdownRequested(context) == .keepOpen, "quiet for less than the quiet period")
        // The request arrives after the loop's last poll: only the close's last read can find it.
        pair.send("GET /late HTTP/1.1\r\nHost: t\r\n\r\n")
        context.now = context.now + .seconds(1)
        #expect(connection.tick(context) == .close)
        let answer = pair.received()
        #expect(answer.hasPrefix("HTTP/1.1 200"))
        #expect(answer.contains("ok /late"))
        #expect(answer.contains("Connection: close\r\n"))
    }

    @Test func shutdown_aQuietConnectionWithNothingInItsSocket_closesOnceQuietForTheQuietPeriod() throws {
        let pair = try Pair()
        let connection = connection(on: pair)
        let began = context.now
        #expect(connection.shutdownRequested(context) == .keepOpen)
        context.now = began + .milliseconds(150)
        #expect(connection.tick(context) == .keepOpen)
        context.now = began + .milliseconds(200)
        #expect(connection.tick(context) == .close)
        #expect(pair.received().isEmpty, "nothing was asked, so nothing is answered")
    }

    @Test func shutdown_aPartialRequestFoundByTheLastRead_keepsTheConnectionOpenForTheRest() throws {
        let pair = try Pair()
        let connection = connection(on: pair)
        _ = connection.shutdownRequested(context)
        pair.send("GET /slow HTTP/1.1\r\nHo")
        context.now = context.now + .seconds(1)
        #expect(connection.tick(context) == .keepOpen)
        pair.send("st: t\r\n\r\n")
        #expect(connection.onReadable(context) == .close)
        #expect(pair.received().contains("Connection: close\r\n"))
    }
}
