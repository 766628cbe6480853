import Foundation
import TestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The binary as a person at a terminal or an operator uses it.
@Suite(.serialized) struct ExecutableTests {
    @Test func help_listsEveryOptionWithItsVariableAndDefault_andExits0() throws {
        let run = try ServerProcess(arguments: ["--help"]).finish()
        #expect(run.status == 0)
        for (flag, variable, value) in [
            ("--host", "HOST", "0.0.0.0"), ("--port", "PORT", "8080"),
            ("--idle-timeout", "IDLE_TIMEOUT", "75s"), ("--header-timeout", "HEADER_TIMEOUT", "10s"),
            ("--shutdown-grace", "SHUTDOWN_GRACE", "10s"), ("--access-log", "ACCESS_LOG", "json"),
            ("--max-connections", "MAX_CONNECTIONS", "0"), ("--max-body-size", "MAX_BODY_SIZE", "1048576"),
        ] {
            let line = run.stdout.split(separator: "\n").first { $0.contains(flag + " ") }
            #expect(line?.contains(variable) == true, "\(flag)")
            #expect(line?.contains(value) == true, "\(flag)")
        }
        // --threads defaults to the CPUs this process may use, and says which limit gave that number.
        let threads = run.stdout.split(separator: "\n").first { $0.contains("--threads ") } ?? ""
        #expect(threads.contains("THREADS"))
        #expect(["(affinity)", "(cgroup_quota)", "(processors)"].contains { threads.contains($0) }, "\(threads)")
    }

    @Test(arguments: [
        (["--port", "http"], "--port"),
        (["--port", "70000"], "--port"),
        (["--threads", "0"], "--threads"),
        (["--idle-timeout", "soon"], "--idle-timeout"),
        (["--access-log", "xml"], "--access-log"),
        (["--host", "example.com"], "--host"),
        (["--bogus"], "--bogus"),
        (["--port"], "--port"),
    ])
    func invalidFlag_isNamedOnStderr_andExits2(arguments: [String], named: String) throws {
        let run = try ServerProcess(arguments: arguments).finish()
        #expect(run.status == 2)
        #expect(run.stderr.contains(named))
    }

    @Test func badData_refusesToStart_listingEveryProblem_andExits1() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kz-bad-data-\(getpid())")
        try? FileManager.default.removeItem(at: directory)
        try FileManager.default.copyItem(at: RepositoryPaths.resources, to: directory)
        defer { try? FileManager.default.removeItem(at: directory) }
        let visits = directory.appendingPathComponent("data/visits.json")
        var text = try String(contentsOf: visits, encoding: .utf8)
        text = text.replacingOccurrences(of: #""host_country": "kz""#, with: #""host_country": "atlantis""#)
        try text.write(to: visits, atomically: true, encoding: .utf8)

        let run = try ServerProcess(arguments: ["--port", "0", "--data", directory.path]).finish()
        #expect(run.status == 1)
        #expect(run.stderr.contains("data/visits.json: $.visits[0].host_country"))
        #expect(run.stderr.contains("data/visits.json: $.visits[1].host_country"))
        #expect(run.stderr.contains("atlantis"))
        #expect(!run.stdout.contains("listening"))
    }

    /// One broken copy of the bundled data per kind of damage; each must stop the server with a message naming the
    /// file (and the place in it), and exit 1 before listening.
    @Test(arguments: [
        ("invalid JSON", "data/people.json", "invalid JSON"),
        ("invalid UTF-8", "data/places.json", "UTF-8"),
        ("unreadable file", "data/events.json", "data/events.json"),
        ("citation that does not match the text", "data/countries.json", "quote"),
        ("dangling reference", "data/visits.json", "unknown"),
    ])
    func damagedData_isNamedByFileAndPlace_andExits1(damage: String, file: String, expected: String) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kz-damaged-\(getpid())-\(damage.hashValue)")
        try? FileManager.default.removeItem(at: directory)
        try FileManager.default.copyItem(at: RepositoryPaths.resources, to: directory)
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent(file)
        var bytes = [UInt8](try Data(contentsOf: url))
        switch damage {
        case "invalid JSON":
            bytes.removeLast(5)
        case "invalid UTF-8":
            let at = bytes.firstIndex(of: UInt8(ascii: "\""))! + 1  // inside the first string
            bytes.insert(contentsOf: [0xC3, 0x28], at: at)
        case "unreadable file":
            // Root reads any file, so the file is replaced by a directory of the same name: reading it fails.
            try FileManager.default.removeItem(at: url)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
        case "citation that does not match the text":
            // The first quote gains a letter the text does not have there.
            var text = String(decoding: bytes, as: UTF8.self)
            let range = try #require(text.range(of: #""quote": ""#))
            text.replaceSubrange(range, with: #""quote": "X"#)
            bytes = Array(text.utf8)
        default:
            var text = String(decoding: bytes, as: UTF8.self)
            text = text.replacingOccurrences(of: #""city": "astana""#, with: #""city": "atlantis""#)
            bytes = Array(text.utf8)
        }
        if damage != "unreadable file" { try Data(bytes).write(to: url) }
        let run = try ServerProcess(arguments: ["--port", "0", "--data", directory.path]).finish()
        #expect(run.status == 1, "\(damage)")
        #expect(run.stderr.contains(file), "\(damage): \(run.stderr)")
        #expect(run.stderr.lowercased().contains(expected.lowercased()), "\(damage): \(run.stderr)")
        #expect(!run.stdout.contains("listening"))
    }

    @Test func missingDataDirectory_isAClearError_andExits1() throws {
        let run = try ServerProcess(arguments: ["--port", "0"], environment: ["DATA_DIR": "/nonexistent/kz-data"])
            .finish()
        #expect(run.status == 1)
        #expect(run.stderr.contains("/nonexistent/kz-data"))
        #expect(run.stderr.contains("missing"))
    }

    @Test func invalidEnvironmentVariable_isNamed_andExits2() throws {
        let run = try ServerProcess(arguments: [], environment: ["PORT": "eighty"]).finish()
        #expect(run.status == 2)
        #expect(run.stderr.contains("PORT"))
    }

    @Test func portInUse_isAClearError_andExits1() throws {
        let first = try ServerProcess.started()
        let second = try ServerProcess(arguments: ["--host", "127.0.0.1", "--port", "\(first.port)"]).finish()
        #expect(second.status == 1)
        #expect(second.stderr.contains("in use"))
        first.signal(SIGTERM)
        #expect(first.finish().status == 0)
    }

    @Test func sigterm_duringARequestInFlight_letsItComplete_andExits0() throws {
        let server = try ServerProcess.started(["--shutdown-grace", "5s"])
        let socket = try server.client()
        try socket.send("POST /healthz HTTP/1.1\r\nHost: t\r\nContent-Length: 6\r\n\r\nhal")
        usleep(100_000)
        server.signal(SIGTERM)
        usleep(200_000)
        #expect(server.process.isRunning)
        try socket.send("f!!")
        let response = socket.readTextUntilClosed()
        #expect(response.hasPrefix("HTTP/1.1 405"))
        #expect(response.contains("Connection: close"))
        let run = server.finish()
        #expect(run.status == 0)
        #expect(run.stdout.contains(#""msg":"stopping""#))
        #expect(run.stdout.contains(#""msg":"stopped""#))
    }

    @Test func sigint_stopsAnIdleServer_andExits0() throws {
        let server = try ServerProcess.started()
        server.signal(SIGINT)
        #expect(server.finish().status == 0)
    }

    @Test func accessLog_writesOneJSONLinePerRequest() throws {
        let server = try ServerProcess.started()
        let socket = try server.client()
        try socket.send("GET /healthz?pretty=false HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
        _ = socket.readTextUntilClosed()
        server.signal(SIGTERM)
        let run = server.finish()
        let line = try #require(
            run.stdout.split(separator: "\n").first { $0.contains(#""target":"/healthz?pretty=false""#) })
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["method"] as? String == "GET")
        #expect(object["status"] as? Int == 200)
        #expect(object["bytes"] as? Int == 15)
        #expect((object["client"] as? String)?.hasPrefix("127.0.0.1:") == true)
        #expect(object["duration_us"] is Int)
        #expect((object["time"] as? String)?.hasSuffix("Z") == true)
        #expect((object["request_id"] as? String)?.count == 32)
    }

    @Test func runningOutOfDescriptors_backsOffLogsOnce_andRecovers() throws {
        // A low descriptor limit for the server alone: the shell lowers it, then becomes the server.
        let server = try ServerProcess(
            arguments: [
                "-c", "ulimit -n 40 && exec \"$0\" --host 127.0.0.1 --port 0 --threads 1 --access-log off",
                ServerProcess.executableURL.path,
            ], shell: true)
        try server.waitForListening()
        var sockets: [RawHTTPClient] = []
        for _ in 0..<60 {
            // A first byte each: listeners defer accept until data arrives, and these must be accepted to exhaust fds.
            if let s = try? server.client() {
                try? s.send("G")
                sockets.append(s)
            }
        }
        usleep(300_000)
        sockets.removeAll()  // frees the server's descriptors
        usleep(1_500_000)  // past the 1 s back-off
        let socket = try server.client()
        try socket.send("GET /healthz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
        #expect(socket.readTextUntilClosed().hasPrefix("HTTP/1.1 200 OK"))
        // Each pause is counted where an operator's alert can see it.
        let metrics = try server.client()
        try metrics.send("GET /metrics HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
        let backoffs = metrics.readTextUntilClosed().split(separator: "\n")
            .first { $0.hasPrefix("kazakhstan_api_accept_backoffs_total ") }
            .flatMap { Int($0.split(separator: " ")[1]) }
        #expect((backoffs ?? 0) >= 1, "accept back-offs counted: \(String(describing: backoffs))")
        server.signal(SIGTERM)
        let run = server.finish()
        #expect(run.status == 0)
        let pauses = run.stderr.split(separator: "\n").filter { $0.contains("accept paused") }
        #expect(pauses.count >= 1)
        #expect(pauses.count <= 3)  // once per back-off period, never once per attempt
    }

    @Test func healthcheckSubcommand_exits0OnAHealthyServer_and1Otherwise() throws {
        let server = try ServerProcess.started()
        defer {
            server.signal(SIGTERM)
            _ = server.finish()
        }
        let healthy = try ServerProcess(arguments: ["healthcheck", "--url", "http://127.0.0.1:\(server.port)/healthz"])
            .finish()
        #expect(healthy.status == 0)
        let byEnvironment = try ServerProcess(arguments: ["healthcheck"], environment: ["PORT": "\(server.port)"])
            .finish()
        #expect(byEnvironment.status == 0)
        let notFound = try ServerProcess(arguments: [
            "healthcheck", "--url", "http://127.0.0.1:\(server.port)/nothing-here",
        ]).finish()
        #expect(notFound.status == 1)
        #expect(notFound.stderr.contains("404"))
        let invalid = try ServerProcess(arguments: ["healthcheck", "--url", "https://example.com/"]).finish()
        #expect(invalid.status == 2)
    }

    @Test func healthcheckSubcommand_exits1WhenNothingListens() throws {
        // Port 1 on loopback: nothing listens there, so connect is refused at once.
        let run = try ServerProcess(arguments: ["healthcheck", "--url", "http://127.0.0.1:1/healthz"]).finish()
        #expect(run.status == 1)
        #expect(run.stderr.contains("connect"))
    }

    @Test func metrics_countRequestsByRouteAndStatus_inPrometheusFormat() throws {
        let server = try ServerProcess.started()
        defer {
            server.signal(SIGTERM)
            _ = server.finish()
        }
        for target in ["/countries/kz", "/countries/qa", "/nowhere"] {
            let socket = try server.client()
            try socket.send("GET \(target) HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
            _ = socket.readTextUntilClosed()
        }
        let socket = try server.client()
        try socket.send("GET /metrics HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
        let response = socket.readTextUntilClosed()
        #expect(response.contains("Content-Type: text/plain; version=0.0.4; charset=utf-8"))
        #expect(
            response.contains(#"kazakhstan_api_requests_total{method="GET",route="/countries/{id}",status="200"} 2"#))
        #expect(response.contains(#"kazakhstan_api_requests_total{method="GET",route="none",status="404"} 1"#))
        #expect(response.contains(#"kazakhstan_api_request_duration_seconds_bucket{le="+Inf"} 3"#))
        #expect(response.contains("# TYPE kazakhstan_api_open_connections gauge"))
        #expect(response.contains("# TYPE kazakhstan_api_log_lines_dropped_total counter"))
        #expect(response.contains("kazakhstan_api_log_lines_dropped_total 0\n"))
        #expect(response.contains(#"kazakhstan_api_build_info{version="1.0.0"} 1"#))
        #expect(response.contains("kazakhstan_api_dataset_info{dataset_version=\""))
    }

    @Test func sigterm_turnsReadinessTo503_duringTheDrainDelay_whileServingEverythingElse() throws {
        let server = try ServerProcess.started(["--drain-delay", "1500ms"])
        server.signal(SIGTERM)
        usleep(300_000)
        let ready = try server.client()
        try ready.send("GET /readyz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
        #expect(ready.readTextUntilClosed().hasPrefix("HTTP/1.1 503"))
        let data = try server.client()
        try data.send("GET /countries/kz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
        #expect(data.readTextUntilClosed().hasPrefix("HTTP/1.1 200"))
        #expect(server.finish().status == 0)
    }

    @Test func urlSession_getsHealthz() async throws {
        let server = try ServerProcess.started()
        defer {
            server.signal(SIGTERM)
            _ = server.finish()
        }
        let url = try #require(URL(string: "http://127.0.0.1:\(server.port)/healthz"))
        let (data, response) = try await URLSession.shared.data(from: url)
        let http = try #require(response as? HTTPURLResponse)
        #expect(http.statusCode == 200)
        #expect(http.value(forHTTPHeaderField: "Content-Type") == "application/json; charset=utf-8")
        #expect(String(decoding: data, as: UTF8.self) == #"{"status":"ok"}"#)
    }
}
