import Foundation
import TestSupport
import Testing

/// What the binary takes from the machine it is given — CPUs, descriptors — and what it tells an operator about it,
/// started the way an operator would limit it: `taskset`, `prlimit`.
@Suite(.serialized) struct ProcessResourcesTests {
    /// Starts the binary under a wrapper command (`taskset -c 0`, `prlimit …`): the shell execs the wrapper, which
    /// execs the server, so the child's pid is the server's.
    func startedUnder(_ wrapper: String, _ extra: String = "") throws -> ServerProcess {
        let server = try ServerProcess(
            arguments: [
                "-c", "exec \(wrapper) \"$0\" --host 127.0.0.1 --port 0 --access-log off \(extra)",
                ServerProcess.executableURL.path,
            ], shell: true)
        try server.waitForListening()
        return server
    }

    /// The startup ("listening") line's fields.
    func startupFields(_ server: ServerProcess) throws -> [String: String] {
        let line = try #require(
            server.stdoutSoFar.split(separator: "\n").first { $0.contains(#""msg":"listening""#) })
        return try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
    }

    func stop(_ server: ServerProcess) {
        server.signal(SIGTERM)
        _ = server.finish()
    }

    @Test func pinnedToOneCPU_runsOneEventLoop_andSaysWhy() throws {
        let server = try startedUnder("taskset -c 0")
        defer { stop(server) }
        let fields = try startupFields(server)
        #expect(fields["threads"] == "1")
        #expect(fields["threads_from"] == "affinity")
    }

    @Test func threadsOption_winsOverTheAffinityMask() throws {
        let server = try startedUnder("taskset -c 0", "--threads 3")
        defer { stop(server) }
        let fields = try startupFields(server)
        #expect(fields["threads"] == "3")
        #expect(fields["threads_from"] == "option")
    }

    /// A soft limit of 256 under a hard one of 4096: the server raises the soft limit to 4096 at start-up, logs the
    /// limits, and the kernel agrees (`/proc/PID/limits`).
    @Test func softOpenFilesLimit_isRaisedToTheHardLimit_andLogged() throws {
        var own = rlimit()
        getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &own)
        let hard = min(4096, Int(clamping: own.rlim_max))
        try #require(hard > 256, "the test runner's own hard limit is too low to lower the server's under it")
        let server = try startedUnder("prlimit --nofile=256:\(hard)")
        defer { stop(server) }
        let fields = try startupFields(server)
        #expect(fields["open_files_limit_at_start"] == "256")
        #expect(fields["open_files_limit"] == "\(hard)")
        #expect(fields["open_files_hard_limit"] == "\(hard)")
        let limits = try String(contentsOfFile: "/proc/\(server.process.processIdentifier)/limits", encoding: .utf8)
        let line = try #require(limits.split(separator: "\n").first { $0.hasPrefix("Max open files") })
        #expect(
            line.split(separator: " ", omittingEmptySubsequences: true).dropFirst(3).prefix(2) == [
                "\(hard)", "\(hard)",
            ])
        // /metrics reports the same limit, as process_max_fds.
        let metrics = try get(server, "/metrics")
        #expect(metrics.contains("\nprocess_max_fds \(hard)\n"))
    }

    /// The families standard dashboards query, with values that match what the kernel says about the process.
    @Test func metrics_includeTheStandardProcessFamilies() throws {
        let server = try ServerProcess.started(["--access-log", "off"])
        defer { stop(server) }
        let metrics = try get(server, "/metrics")
        func value(_ name: String) -> Double? {
            metrics.split(separator: "\n").first { $0.hasPrefix(name + " ") }.flatMap {
                Double($0.split(separator: " ")[1])
            }
        }
        for (name, type) in [
            ("process_cpu_seconds_total", "counter"), ("process_resident_memory_bytes", "gauge"),
            ("process_virtual_memory_bytes", "gauge"), ("process_start_time_seconds", "gauge"),
            ("process_open_fds", "gauge"), ("process_max_fds", "gauge"),
        ] {
            #expect(metrics.contains("# TYPE \(name) \(type)\n"), "\(name)")
        }
        let pid = server.process.processIdentifier
        let openFDs = try FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd").count
        // Descriptors come and go with connections (this scrape's own): close, not equal.
        #expect(abs((value("process_open_fds") ?? -100) - Double(openFDs)) <= 3)
        let rss = try #require(value("process_resident_memory_bytes"))
        #expect(rss > 1_000_000 && rss < 2_000_000_000)
        #expect((value("process_virtual_memory_bytes") ?? 0) >= rss)
        let started = try #require(value("process_start_time_seconds"))
        #expect(abs(started - Date().timeIntervalSince1970) < 120, "started \(started)")
        #expect((value("process_cpu_seconds_total") ?? -1) >= 0)
    }

    /// Requests are counted by method: the ones the API answers by name, any other token as `other`, so made-up
    /// methods cannot create series.
    @Test func requestsTotal_hasAMethodLabel_boundedToKnownValues() throws {
        let server = try ServerProcess.started(["--access-log", "off"])
        defer { stop(server) }
        for method in ["GET", "GET", "HEAD", "OPTIONS", "POST", "BREW", "XYZZY"] {
            let client = try server.client()
            try client.send("\(method) /countries/kz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
            _ = client.readUntilClosed()
        }
        let metrics = try get(server, "/metrics")
        #expect(
            metrics.contains(#"kazakhstan_api_requests_total{method="GET",route="/countries/{id}",status="200"} 2"#))
        #expect(
            metrics.contains(#"kazakhstan_api_requests_total{method="HEAD",route="/countries/{id}",status="200"} 1"#))
        #expect(metrics.contains(#"kazakhstan_api_requests_total{method="OPTIONS",route="/countries/{id}","#))
        #expect(
            metrics.contains(#"kazakhstan_api_requests_total{method="other",route="/countries/{id}",status="405"} 3"#))
        #expect(!metrics.contains("BREW") && !metrics.contains("XYZZY") && !metrics.contains(#"method="POST""#))
    }

    func get(_ server: ServerProcess, _ target: String) throws -> String {
        let client = try server.client()
        try client.send("GET \(target) HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
        return client.readTextUntilClosed()
    }
}
