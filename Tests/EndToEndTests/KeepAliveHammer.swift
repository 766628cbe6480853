import Foundation
import TestSupport

/// Keep-alive clients that send GET requests back to back, each on its own thread, and count what a server's drain
/// does to them. They behave like real keep-alive clients: a connection is reused until a response says
/// `Connection: close`, then a new one is opened. A request written to a connection the server closes without
/// answering it is LOST; a connect refused (ECONNREFUSED) means the listener is gone, and ends that client.
final class KeepAliveHammer: @unchecked Sendable {
    // @unchecked: every mutable field is guarded by `lock`.

    /// What the clients saw, summed over all of them.
    struct Tally: Sendable {
        var sent = 0
        var answered = 0
        /// Written and never answered: the connection closed, was reset, or the read timed out.
        var lost = 0
        var connectionsOpened = 0
        /// Connections the server closed after a response that said `Connection: close`.
        var connectionsClosedWithNotice = 0
        /// Connections that ended any other way (a lost request, or left open after `Connection: close`).
        var connectionsClosedWithoutNotice = 0
        /// Answers received on connections opened after `markSignal()`.
        var answeredOnConnectionsOpenedAfterSignal = 0
        /// Clients whose connect was refused: the listener had closed.
        var refusedClients = 0
        /// Anything else that went wrong (a connect error other than ECONNREFUSED, a bad status, a client that did not
        /// finish in time), described.
        var failures: [String] = []
    }

    private let port: Int
    private let path: String
    private let lock = NSLock()
    private var tally = Tally()
    private var signalled = false
    private var finished = 0
    private let clients: Int
    private let deadline: Date

    /// Starts `clients` threads; each runs until its connect is refused or `seconds` pass.
    init(port: Int, path: String = "/healthz", clients: Int, seconds: TimeInterval) {
        self.port = port
        self.path = path
        self.clients = clients
        deadline = Date().addingTimeInterval(seconds)
        for _ in 0..<clients {
            let thread = Thread { [self] in
                run()
                locked { finished += 1 }
            }
            thread.start()
        }
    }

    var snapshot: Tally { locked { tally } }

    /// From now on, connections opened count as opened after the signal.
    func markSignal() { locked { signalled = true } }

    /// Waits until every client has stopped or `timeout` passes; whether they all stopped.
    func join(timeout: TimeInterval) -> Bool {
        let until = Date().addingTimeInterval(timeout)
        while Date() < until {
            if locked({ finished == clients }) { return true }
            usleep(10_000)
        }
        return false
    }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    private func record(_ change: (inout Tally) -> Void) { locked { change(&tally) } }

    /// One client: connections one after another, each used until the server says `Connection: close`.
    private func run() {
        while Date() < deadline {
            let client: RawHTTPClient
            do {
                client = try RawHTTPClient(port: port, readTimeoutSeconds: 5)
            } catch RawHTTPClient.ClientError.system("connect", ECONNREFUSED) {
                record { $0.refusedClients += 1 }
                return
            } catch {
                record { $0.failures.append("connect: \(error)") }
                return
            }
            let afterSignal = locked { signalled }
            record { $0.connectionsOpened += 1 }
            guard use(client, afterSignal: afterSignal) else { return }
        }
        record { $0.failures.append("a client was still sending when the test's time ran out") }
    }

    /// Sends requests on one connection until a response closes it; false when the client should stop (a failure, or
    /// the test's time ran out).
    private func use(_ client: RawHTTPClient, afterSignal: Bool) -> Bool {
        while Date() < deadline {
            record { $0.sent += 1 }
            let response: RawHTTPResponse
            do {
                try client.send("GET \(path) HTTP/1.1\r\nHost: t\r\n\r\n")
                response = try client.readResponse()
            } catch {
                record {
                    $0.lost += 1
                    $0.connectionsClosedWithoutNotice += 1
                }
                return true  // a real client would now reconnect; the refusal of that connect ends it
            }
            record {
                $0.answered += 1
                if afterSignal { $0.answeredOnConnectionsOpenedAfterSignal += 1 }
                if response.status != 200 { $0.failures.append("status \(response.status)") }
            }
            if response.header("Connection")?.lowercased() == "close" {
                // The server promised to close: it must, rather than leave the connection half-used.
                let closed = client.isClosedByPeer()
                record {
                    if closed {
                        $0.connectionsClosedWithNotice += 1
                    } else {
                        $0.connectionsClosedWithoutNotice += 1
                        $0.failures.append("the connection stayed open after Connection: close")
                    }
                }
                return true
            }
        }
        return false
    }
}
