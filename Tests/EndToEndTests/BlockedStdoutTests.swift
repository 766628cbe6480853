import Foundation
import TestSupport
import Testing

/// stdout connected to a pipe nobody reads, as a blocking container log driver that falls behind leaves it: after the
/// "listening" line these tests stop reading the server's stdout. Logging must never block an event loop: requests
/// keep being answered, lines are dropped and counted, and SIGTERM still finishes.
@Suite(.serialized) struct BlockedStdoutTests {
    /// 2 KiB targets (answered 404) make each access-log line about 2.2 KB, so 3,000 of them overrun both the pipe
    /// (64 KiB) and the server's 4 MiB log buffer.
    static let target = "/nowhere/" + String(repeating: "x", count: 2048)
    static let requests = 3000

    /// Sends up to `count` requests one after another on one keep-alive connection, for at most `seconds`; how many
    /// were answered (it stops at the first that is not).
    func answered(_ server: ServerProcess, count: Int, within seconds: TimeInterval) throws -> Int {
        let socket = try server.client(readTimeoutSeconds: 2)
        let deadline = Date().addingTimeInterval(seconds)
        var answered = 0
        while answered < count, Date() < deadline {
            guard (try? socket.send("GET \(Self.target) HTTP/1.1\r\nHost: t\r\n\r\n")) != nil,
                let response = try? socket.readResponse(), response.status == 404
            else { break }
            answered += 1
        }
        return answered
    }

    /// One request on a new connection, answered within 2 s: the response text, or "" when none came.
    func get(_ server: ServerProcess, _ path: String) throws -> String {
        let socket = try server.client(readTimeoutSeconds: 2)
        try socket.send("GET \(path) HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
        return socket.readTextUntilClosed()
    }

    /// The value of `kazakhstan_api_log_lines_dropped_total` in a /metrics response.
    func droppedLines(_ metrics: String) -> Int? {
        let line = metrics.split(separator: "\n").first { $0.hasPrefix("kazakhstan_api_log_lines_dropped_total ") }
        return line.flatMap { Int($0.split(separator: " ").last ?? "") }
    }

    @Test func stdoutThatNobodyReads_neitherStopsRequestsNorProbes_andSIGTERMStillExits() throws {
        let server = try ServerProcess.started(["--access-log", "json", "--threads", "2"])
        let count = try answered(server, count: Self.requests, within: 60)
        #expect(count == Self.requests, "answered \(count) of \(Self.requests) with stdout blocked")

        let probes = Date()
        #expect(try get(server, "/healthz").hasPrefix("HTTP/1.1 200"))
        #expect(try get(server, "/readyz").hasPrefix("HTTP/1.1 200"))
        let metrics = try get(server, "/metrics")
        #expect(metrics.hasPrefix("HTTP/1.1 200"))
        #expect((droppedLines(metrics) ?? 0) > 0, "\(metrics.suffix(600))")
        #expect(Date().timeIntervalSince(probes) < 3)

        let stopping = Date()
        server.signal(SIGTERM)
        let run = server.finish(timeout: 10)
        let took = Date().timeIntervalSince(stopping)
        #expect(run.status == 0)
        #expect(took < 10, "SIGTERM took \(took) s with stdout blocked")
    }

    @Test func aReaderThatCatchesUp_getsWholeLines_thenOneCountOfWhatWasDropped() throws {
        let server = try ServerProcess.started(["--access-log", "json", "--threads", "2"])
        defer {
            server.signal(SIGTERM)
            _ = server.finish()
        }
        let count = try answered(server, count: Self.requests, within: 60)
        #expect(count == Self.requests, "answered \(count) of \(Self.requests) with stdout blocked")
        // Each loop hands its access-log lines over at least once a second: after this, every line is kept or dropped.
        usleep(1_200_000)

        var kept = 0
        var reported = 0
        let lines = server.readStdoutLines(timeout: 20) { line in
            if line.contains(Self.target) { kept += 1 }
            if line.contains("dropped log lines: stdout did not keep up") {
                let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                reported += object?["dropped"] as? Int ?? 0
            }
            return kept + reported >= Self.requests
        }
        #expect(reported > 0)
        #expect(kept + reported == Self.requests, "kept \(kept), reported dropped \(reported)")
        // Whole lines only: each is one JSON object, never half of one or two run together.
        let broken = lines.filter { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] == nil }
        #expect(broken.isEmpty, "\(broken.count) lines are not whole JSON objects: \(broken.first?.prefix(200) ?? "")")
        #expect(droppedLines(try get(server, "/metrics")) == reported)
    }
}
