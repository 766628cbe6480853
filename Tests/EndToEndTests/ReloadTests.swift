import Foundation
import TestSupport
import Testing

/// SIGHUP against the real binary: good data is swapped in, bad data changes nothing that is served, and validators
/// come from the data, so replicas agree.
@Suite(.serialized) struct ReloadTests {
    /// One request on its own connection.
    private func get(_ server: ServerProcess, _ target: String) throws -> RawHTTPResponse {
        let client = try server.client()
        try client.send("GET \(target) HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
        return try client.readResponse()
    }

    private func metric(_ server: ServerProcess, _ name: String) throws -> String? {
        try get(server, "/metrics").bodyText.split(separator: "\n").first { $0.hasPrefix(name + " ") }
            .map { String($0.dropFirst(name.count + 1)) }
    }

    @Test func sighup_withGoodData_swapsItIn_changingOnlyTheETagsOfChangedResponses() throws {
        let data = try DataDirectoryCopy()
        let server = try ServerProcess.started(["--data", data.path, "--access-log", "off"])
        let paths = ["/countries/qa", "/countries/kz", "/people", "/sources/kazakhstan-foreign-relations/paragraphs/2"]
        let before = try paths.map { try get(server, $0) }
        let version = try get(server, "/").bodyText

        try data.replace(
            "data/countries.json", DataDirectoryCopy.qatarDescription, with: "A Gulf state; edited for a reload test.")
        try data.setModified("2026-11-30T08:00:00Z")
        server.signal(SIGHUP)
        let lines = server.readStdoutLines(timeout: 20) { $0.contains(#""msg":"reloaded""#) }
        #expect(lines.contains { $0.contains(#""msg":"reloaded""#) }, "\(lines)")

        let after = try paths.map { try get(server, $0) }
        #expect(after[0].bodyText.contains("edited for a reload test"))
        #expect(after[0].header("ETag") != before[0].header("ETag"))
        for (old, new) in zip(before, after) {
            #expect(new.status == 200)
            #expect((old.header("ETag") == new.header("ETag")) == (old.body == new.body), "ETags follow the bytes")
            #expect(new.header("Last-Modified") == "Mon, 30 Nov 2026 08:00:00 GMT")
        }
        let unchanged = zip(before, after).filter { $0.header("ETag") == $1.header("ETag") }.count
        #expect(unchanged >= 1, "a paragraph that does not mention Qatar keeps its ETag")
        #expect(try get(server, "/").bodyText != version, "/ reports the dataset version now served")
        #expect(try metric(server, "kazakhstan_api_reloads_total") == "1")

        server.signal(SIGTERM)
        let run = server.finish()
        #expect(run.status == 0, "SIGHUP no longer ends the process; SIGTERM stops it cleanly")
    }

    @Test func sighup_withBrokenData_keepsServing_logsEveryProblemAsAtStartup_andCountsTheFailure() throws {
        let data = try DataDirectoryCopy()
        let server = try ServerProcess.started(["--data", data.path, "--access-log", "off"])
        let before = try get(server, "/countries/qa")

        try data.replace(
            "data/countries.json", DataDirectoryCopy.qatarDescription, with: "A Gulf state; edited for a reload test.")
        try data.setModified("2026-11-30")
        try data.write("data/places.json", "{ not json")
        server.signal(SIGHUP)
        var failures: String?
        for _ in 0..<100 where failures != "1" {
            usleep(100_000)
            failures = try metric(server, "kazakhstan_api_reload_failures_total")
        }
        #expect(failures == "1")
        let after = try get(server, "/countries/qa")
        #expect(after.status == 200)
        #expect(after.body == before.body, "the old data still serves")
        #expect(after.header("ETag") == before.header("ETag"))
        #expect(try metric(server, "kazakhstan_api_reloads_total") == "0")
        server.signal(SIGTERM)
        let run = server.finish()
        #expect(run.status == 0)

        // The same directory at start-up: refused, with the messages the reload logged, word for word.
        let fresh = try ServerProcess(arguments: ["--host", "127.0.0.1", "--port", "0", "--data", data.path])
        let startup = fresh.finish()
        #expect(startup.status == 1)
        let problems = startup.stderr.split(separator: "\n").map(String.init)
        #expect(problems.count >= 3, "\(startup.stderr)")
        for line in problems {
            #expect(run.stderr.contains(line), "the reload logged '\(line)'")
        }
        #expect(run.stderr.contains("reload refused; still serving the previous data"))
    }

    /// Two replicas of the same data started a second apart send the same validators, so a client revalidating
    /// through a balancer gets 304 from either.
    @Test func twoReplicas_startedASecondApart_sendTheSameValidators() throws {
        let first = try ServerProcess.started(["--access-log", "off"])
        sleep(1)
        let second = try ServerProcess.started(["--access-log", "off"])
        defer {
            for server in [first, second] {
                server.signal(SIGTERM)
                _ = server.finish()
            }
        }
        for path in ["/countries/kz", "/organizations", "/sources/kazakhstan-foreign-relations"] {
            let a = try get(first, path)
            let b = try get(second, path)
            #expect(a.header("Last-Modified") != nil)
            #expect(a.header("Last-Modified") == b.header("Last-Modified"), "\(path)")
            #expect(a.header("ETag") == b.header("ETag"), "\(path)")
            let client = try second.client()
            try client.send(
                "GET \(path) HTTP/1.1\r\nHost: t\r\nIf-Modified-Since: \(a.header("Last-Modified") ?? "")\r\n"
                    + "Connection: close\r\n\r\n")
            #expect(try client.readResponse().status == 304, "\(path)")
        }
        #expect(try get(first, "/countries/kz").header("Last-Modified") == Self.bundledLastModified())
    }

    /// The bundled data's `modified` time (its source metadata) as an HTTP-date: what every replica must send.
    static func bundledLastModified() throws -> String {
        let url = RepositoryPaths.resources.appendingPathComponent(DataDirectoryCopy.sourceMetadata)
        let metadata = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let recorded = try #require(metadata["modified"] as? String)
        let parser = ISO8601DateFormatter()
        let date = try #require(parser.date(from: recorded))
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }
}
