import Foundation
import TestSupport
import Testing

/// Hostile clients against the real binary over loopback, each bounded in count and time. After each: a normal
/// request on a new connection is served, and the server's RSS stays near its baseline.
@Suite(.serialized) struct HostileClientTests {
    /// The server's resident memory, from /proc.
    func rssKiB(_ server: ServerProcess) -> Int { server.residentKiB }

    func expectServes(_ server: ServerProcess, _ note: Comment) throws {
        let socket = try server.client()
        try socket.send("GET /countries/kz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
        #expect(socket.readTextUntilClosed().hasPrefix("HTTP/1.1 200 OK"), note)
    }

    /// Started with a short header timeout so slow clients are cut off within the test's time.
    func start() throws -> (ServerProcess, baseline: Int) {
        let server = try ServerProcess.started(["--header-timeout", "700ms", "--threads", "2", "--access-log", "off"])
        try expectServes(server, "warm-up")
        usleep(100_000)
        return (server, rssKiB(server))
    }

    /// How far RSS may rise above the baseline. Under AddressSanitizer (run with ASAN_OPTIONS set, as CI does) freed
    /// memory sits in ASan's quarantine (up to 256 MB) by design, so only gross growth is meaningful there.
    static let rssSlackKiB = ProcessInfo.processInfo.environment["ASAN_OPTIONS"] == nil ? 32 * 1024 : 300 * 1024

    func finish(_ server: ServerProcess, baseline: Int, _ note: Comment) throws {
        try expectServes(server, note)
        usleep(300_000)
        // Near the baseline: freed buffers may stay in the allocator's arenas, but nothing grows without bound.
        #expect(
            rssKiB(server) < baseline + Self.rssSlackKiB,
            "\(note): RSS \(rssKiB(server)) KiB vs baseline \(baseline) KiB")
        server.signal(SIGTERM)
        #expect(server.finish().status == 0, note)
    }

    @Test func slowlorisFromManyConnections_isCutOff_whileOthersAreServed() throws {
        let (server, baseline) = try start()
        let slow = try (0..<200).map { _ in try server.client() }
        for socket in slow { try socket.send("GET / HTTP/1.1\r\nHost: t\r\nX-Slow: ") }
        try expectServes(server, "during the slowloris")
        for socket in slow { try? socket.send("a") }  // dribbling does not reset the header timer
        let started = Date()
        var timedOut = 0
        for socket in slow where socket.readTextUntilClosed().hasPrefix("HTTP/1.1 408") { timedOut += 1 }
        #expect(timedOut == slow.count)
        #expect(Date().timeIntervalSince(started) < 5)
        try finish(server, baseline: baseline, "after the slowloris")
    }

    @Test func clientPipeliningHundredsOfRequestsAndNeverReading_staysBounded() throws {
        let (server, baseline) = try start()
        let greedy = try server.client()
        // 400 × the OpenAPI document (≈ 0.5 MB each) would be ~200 MB if the server buffered it all.
        let request = "GET /openapi.json HTTP/1.1\r\nHost: t\r\n\r\n"
        greedy.sendWithoutBlocking(String(repeating: request, count: 400))
        usleep(500_000)
        try expectServes(server, "while one client never reads")
        #expect(rssKiB(server) < baseline + Self.rssSlackKiB, "RSS \(rssKiB(server)) KiB with a non-reading client")
        greedy.reset()
        try finish(server, baseline: baseline, "after the non-reading client")
    }

    @Test func tenThousandConnectionsOpenedAndDropped_leaveTheServerServing() throws {
        let (server, baseline) = try start()
        var opened = 0
        let deadline = Date().addingTimeInterval(30)
        while opened < 10_000 && Date() < deadline {
            if let socket = try? server.client() {
                try? socket.send("G")  // accepted only once bytes arrive (TCP_DEFER_ACCEPT)
                if opened % 2 == 0 { socket.reset() }  // half closed with RST, half with FIN
                opened += 1
            }
        }
        #expect(opened == 10_000)
        try finish(server, baseline: baseline, "after 10,000 dropped connections")
    }

    @Test func resetsMidRequestAndMidResponse_areSurvived() throws {
        let (server, baseline) = try start()
        for i in 0..<200 {
            let socket = try server.client()
            if i % 2 == 0 {
                try socket.send("GET /countries HTTP/1.1\r\nHost: t\r\nX-Half: ")  // mid-request
            } else {
                try socket.send("GET /openapi.json HTTP/1.1\r\nHost: t\r\n\r\n")  // mid-response: a large body, unread
            }
            socket.reset()
        }
        try finish(server, baseline: baseline, "after resets")
    }

    @Test func randomByteStreams_getAnAnswerOrAClose_neverACrash() throws {
        let (server, baseline) = try start()
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let socket = try server.client(readTimeoutSeconds: 2)
            let bytes = (0..<Int.random(in: 1...2048, using: &generator)).map { _ in
                UInt8.random(in: 0...255, using: &generator)
            }
            try? socket.send(bytes + [13, 10, 13, 10])
            let answer = socket.readTextUntilClosed()
            // Either a 4xx/5xx with Connection: close, or (bytes that look like a partial head) a 408 later, or a close.
            #expect(answer.isEmpty || answer.hasPrefix("HTTP/1.1 4") || answer.hasPrefix("HTTP/1.1 5"))
        }
        try finish(server, baseline: baseline, "after random bytes")
    }

    @Test func requestInSingleBytes_isServedWithinTheTimeout_andCutOffBeyondIt() throws {
        let (server, baseline) = try start()
        let request = Array("GET /countries/kz HTTP/1.1\r\nHost: t\r\n\r\n".utf8)
        // Within the 700 ms header timeout: ~10 ms between bytes.
        let patient = try server.client()
        for b in request {
            try patient.send([b])
            usleep(10_000)
        }
        #expect(patient.readHeadText().hasPrefix("HTTP/1.1 200"))
        // Pauses just under the timeout each: the head as a whole takes far longer, so it is cut off (408).
        let dribble = try server.client()
        var cutOff = false
        for b in request {
            if (try? dribble.send([b])) == nil {
                cutOff = true
                break
            }
            usleep(650_000)
            if dribble.hasInput() {
                cutOff = true
                break
            }
        }
        #expect(cutOff)
        #expect(dribble.readTextUntilClosed().hasPrefix("HTTP/1.1 408"))
        try finish(server, baseline: baseline, "after single-byte requests")
    }
}
