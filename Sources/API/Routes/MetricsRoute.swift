import Server
import Store

/// `/metrics` in the Prometheus text exposition format (version 0.0.4): requests by method, route template and status,
/// a latency histogram, open connections, bytes sent, dropped log lines, accept back-offs, build info, the dataset
/// being served and its reloads, and the standard `process_*` figures. The counters are the engine's per-loop shards,
/// summed only here, when scraped.
enum MetricsRoute {
    static func register(
        in router: inout Router<RouteDefinition>, metrics: ServerMetrics, reloads: ReloadCounters, version: String,
        store: Store, cache: ResponseCache
    ) {
        let (datasetVersion, modified) = (store.datasetVersion, store.modified)
        router.add(
            RouteDefinition(
                "/metrics", kind: .metrics, grammar: .noParameters, caching: .dynamic,
                summary:
                    "Prometheus metrics: requests by route and status, latency, connections, bytes, build and dataset",
                tag: "health"
            ) { _ in
                .text(
                    Array(
                        (render(
                            metrics.snapshot(), version: version,
                            dataset: Dataset(
                                version: datasetVersion, modified: modified, reloads: reloads.successes,
                                reloadFailures: reloads.failures)
                        ) + render(cache.stats)).utf8),
                    contentType: "text/plain; version=0.0.4; charset=utf-8")
            })
    }

    /// The dataset being served, and the reloads so far.
    struct Dataset {
        var version: String
        /// When the data says it last changed (seconds since 1970).
        var modified: Int
        var reloads: Int
        var reloadFailures: Int
    }

    static func render(_ s: ServerMetrics.Snapshot, version: String, dataset: Dataset) -> String {
        var out = ""
        func family(_ name: String, _ type: String, _ help: String) {
            out += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
        }
        family(
            "kazakhstan_api_requests_total", "counter",
            "Responses sent, by method (GET, HEAD, OPTIONS or other), route template and status code.")
        for r in s.requests {
            out +=
                "kazakhstan_api_requests_total{method=\"\(r.method.name)\",route=\"\(escape(r.route.isEmpty ? "none" : r.route))\",status=\"\(r.status)\"} \(r.count)\n"
        }
        family(
            "kazakhstan_api_request_duration_seconds", "histogram",
            "Time from a complete request to its queued response.")
        for (bound, count) in zip(ServerMetrics.latencyBuckets, s.latencyCumulative) {
            out += "kazakhstan_api_request_duration_seconds_bucket{le=\"\(bound)\"} \(count)\n"
        }
        out += "kazakhstan_api_request_duration_seconds_bucket{le=\"+Inf\"} \(s.latencyCount)\n"
        out += "kazakhstan_api_request_duration_seconds_sum \(s.latencySum)\n"
        out += "kazakhstan_api_request_duration_seconds_count \(s.latencyCount)\n"
        family("kazakhstan_api_open_connections", "gauge", "Connections open now.")
        out += "kazakhstan_api_open_connections \(s.openConnections)\n"
        family("kazakhstan_api_connections_accepted_total", "counter", "Connections accepted since start.")
        out += "kazakhstan_api_connections_accepted_total \(s.acceptedConnections)\n"
        family(
            "kazakhstan_api_connections_refused_total", "counter",
            "Connections closed at accept because --max-connections were open.")
        out += "kazakhstan_api_connections_refused_total \(s.refusedConnections)\n"
        family(
            "kazakhstan_api_accept_backoffs_total", "counter",
            "Times an event loop paused accepting for 1 s because file descriptors ran out.")
        out += "kazakhstan_api_accept_backoffs_total \(s.acceptBackoffs)\n"
        family("kazakhstan_api_response_body_bytes_total", "counter", "Response body bytes sent.")
        out += "kazakhstan_api_response_body_bytes_total \(s.bytesSent)\n"
        family(
            "kazakhstan_api_log_lines_dropped_total", "counter",
            "Log lines dropped because stdout or stderr did not keep up (logging never blocks requests).")
        out += "kazakhstan_api_log_lines_dropped_total \(s.logLinesDropped)\n"
        family("kazakhstan_api_build_info", "gauge", "The running build; always 1.")
        out += "kazakhstan_api_build_info{version=\"\(escape(version))\"} 1\n"
        family("kazakhstan_api_dataset_info", "gauge", "The dataset being served (sha256 of its files); always 1.")
        out += "kazakhstan_api_dataset_info{dataset_version=\"\(escape(dataset.version))\"} 1\n"
        family(
            "kazakhstan_api_dataset_modified_timestamp_seconds", "gauge",
            "When the data being served says it last changed (its Last-Modified).")
        out += "kazakhstan_api_dataset_modified_timestamp_seconds \(dataset.modified)\n"
        family("kazakhstan_api_reloads_total", "counter", "Data reloads (SIGHUP) that swapped in new data.")
        out += "kazakhstan_api_reloads_total \(dataset.reloads)\n"
        family(
            "kazakhstan_api_reload_failures_total", "counter",
            "Data reloads refused because the new data had problems (the old data kept serving).")
        out += "kazakhstan_api_reload_failures_total \(dataset.reloadFailures)\n"
        if let process = s.process { renderProcess(process, into: &out) }
        return out
    }

    /// The families Prometheus client libraries export for every process, under their standard names, so standard
    /// dashboards and alerts (memory, descriptors near the limit, restarts) work unchanged.
    static func renderProcess(_ p: ProcessStats, into out: inout String) {
        let families: [(String, String, String, String)] = [
            (
                "process_cpu_seconds_total", "counter", "Total user and system CPU time spent in seconds.",
                "\(p.cpuSeconds)"
            ),
            ("process_resident_memory_bytes", "gauge", "Resident memory size in bytes.", "\(p.residentMemoryBytes)"),
            ("process_virtual_memory_bytes", "gauge", "Virtual memory size in bytes.", "\(p.virtualMemoryBytes)"),
            (
                "process_start_time_seconds", "gauge", "Start time of the process since unix epoch in seconds.",
                "\(p.startTimeSeconds)"
            ),
            ("process_open_fds", "gauge", "Number of open file descriptors.", "\(p.openFileDescriptors)"),
            ("process_max_fds", "gauge", "Maximum number of open file descriptors.", "\(p.maxFileDescriptors)"),
        ]
        for (name, type, help, value) in families {
            out += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n\(name) \(value)\n"
        }
    }

    /// Label values escape `\`, `"` and newlines (exposition format).
    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
