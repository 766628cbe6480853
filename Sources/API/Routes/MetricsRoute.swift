import Server
import Store

/// `/metrics` in the Prometheus text exposition format (version 0.0.4): requests by route template and status, a
/// latency histogram, open connections, bytes sent, dropped log lines, build info and the dataset version. The counters are the engine's
/// per-loop shards, summed only here, when scraped.
enum MetricsRoute {
    static func register(
        in router: inout Router<RouteDefinition>, metrics: ServerMetrics, version: String, datasetVersion: String,
        cache: ResponseCache
    ) {
        router.add(
            RouteDefinition(
                "/metrics", kind: .metrics, grammar: .noParameters, caching: .dynamic,
                summary:
                    "Prometheus metrics: requests by route and status, latency, connections, bytes, build and dataset",
                tag: "health"
            ) { _ in
                .text(
                    Array(
                        (render(metrics.snapshot(), version: version, datasetVersion: datasetVersion)
                            + render(cache.stats)).utf8),
                    contentType: "text/plain; version=0.0.4; charset=utf-8")
            })
    }

    static func render(_ s: ServerMetrics.Snapshot, version: String, datasetVersion: String) -> String {
        var out = ""
        func family(_ name: String, _ type: String, _ help: String) {
            out += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
        }
        family("kazakhstan_api_requests_total", "counter", "Responses sent, by route template and status code.")
        for r in s.requests {
            out +=
                "kazakhstan_api_requests_total{route=\"\(escape(r.route.isEmpty ? "none" : r.route))\",status=\"\(r.status)\"} \(r.count)\n"
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
        family("kazakhstan_api_response_body_bytes_total", "counter", "Response body bytes sent.")
        out += "kazakhstan_api_response_body_bytes_total \(s.bytesSent)\n"
        family(
            "kazakhstan_api_log_lines_dropped_total", "counter",
            "Log lines dropped because stdout or stderr did not keep up (logging never blocks requests).")
        out += "kazakhstan_api_log_lines_dropped_total \(s.logLinesDropped)\n"
        family("kazakhstan_api_build_info", "gauge", "The running build; always 1.")
        out += "kazakhstan_api_build_info{version=\"\(escape(version))\"} 1\n"
        family("kazakhstan_api_dataset_info", "gauge", "The loaded dataset (sha256 of its files); always 1.")
        out += "kazakhstan_api_dataset_info{dataset_version=\"\(escape(datasetVersion))\"} 1\n"
        return out
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
