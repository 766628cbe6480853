import Foundation
import TestSupport
import Testing

/// Connections that hold a slot without asking anything, and the ones refused at `--max-connections`, against the
/// real binary over loopback.
@Suite(.serialized) struct ConnectionLimitTests {
    /// A connection that never sends a byte is closed at the header timeout from accept (no 408: nothing was
    /// asked), not at the 75 s idle timeout, so silent sockets cannot lock everyone out of `--max-connections`.
    @Test func aSilentConnection_isClosedAtTheHeaderTimeout_notTheIdleTimeout() throws {
        let server = try ServerProcess.started(["--header-timeout", "1s", "--threads", "1", "--access-log", "off"])
        defer {
            server.signal(SIGTERM)
            _ = server.finish()
        }
        let silent = try server.client(readTimeoutSeconds: 15)
        let started = Date()
        let answer = silent.readUntilClosed()
        let elapsed = Date().timeIntervalSince(started)
        // The kernel hands the connection over after TCP_DEFER_ACCEPT's second; then the 1 s header timeout runs.
        #expect(elapsed < 8, "closed after \(elapsed) s")
        #expect(answer.isEmpty, "nothing is owed to a client that asked nothing")
    }

    /// A refused connection is counted in `/metrics` and reported on stderr (at most one line a second).
    @Test func refusedConnections_areCountedInMetrics_andLogged() throws {
        let server = try ServerProcess.started(["--max-connections", "1", "--threads", "1", "--access-log", "off"])
        let holder = try server.client()
        try holder.send("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(try holder.readResponse().status == 200)
        for _ in 0..<3 {
            let refused = try server.client()
            try? refused.send("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(refused.readUntilClosed().isEmpty, "over --max-connections: closed unanswered")
        }
        // The slot is freed, then the count is read on a connection of its own.
        holder.reset()
        var metrics = ""
        for _ in 0..<50 where !metrics.contains("kazakhstan_api_connections_refused_total 3") {
            usleep(100_000)
            guard let client = try? server.client() else { continue }
            try? client.send("GET /metrics HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
            metrics = client.readTextUntilClosed()
        }
        #expect(metrics.contains("kazakhstan_api_connections_refused_total 3"))
        server.signal(SIGTERM)
        let run = server.finish()
        let reports = run.stderr.split(separator: "\n").filter { $0.contains("connections refused") }
        #expect(reports.count == 1, "three refusals within a second are one line: \(reports)")
        #expect(reports.first?.contains(#""max_connections":1"#) == true)
    }
}
