import Glibc
import JSON
import Server
import Store

/// The executable's own log lines: JSON objects, one per line — info on stdout (through the access log's buffer, so it
/// never blocks), errors on stderr.
enum Log {
    static func info(_ message: String, _ fields: [String: String]) {
        var line = #"{"level":"info","msg":\#(JSONWriter.quoted(message))"#
        for key in fields.keys.sorted() { line += ",\(JSONWriter.quoted(key)):\(JSONWriter.quoted(fields[key] ?? ""))" }
        StandardOutput.writeLine(line + "}")
    }

    /// A plain message on stderr: startup errors are read by a person at a terminal.
    static func error(_ message: String) {
        var bytes = Array((message + "\n").utf8)
        bytes.withUnsafeMutableBytes { _ = write(2, $0.baseAddress, $0.count) }
    }

    /// `openFiles`: the descriptor limits before and after start-up raised the soft one (nil if unreadable).
    static func startup(
        _ c: Configuration, boundAddress: String, dataDirectory: String, store: Store,
        openFiles: (before: OpenFileLimit.Limits, after: OpenFileLimit.Limits)?
    ) {
        let s = c.server
        info(
            "listening",
            [
                "address": boundAddress,
                "url": boundAddress.hasPrefix("unix:") ? boundAddress : "http://\(boundAddress)",
                "threads": "\(s.threads)",
                "threads_from": c.threadsFrom.rawValue,
                "open_files_limit": openFiles.map { "\($0.after.soft)" } ?? "unknown",
                "open_files_hard_limit": openFiles.map { "\($0.after.hard)" } ?? "unknown",
                "open_files_limit_at_start": openFiles.map { "\($0.before.soft)" } ?? "unknown",
                "max_connections": "\(s.maxConnections)",
                "header_timeout": formatDuration(s.timeouts.header),
                "idle_timeout": formatDuration(s.timeouts.idle),
                "write_timeout": formatDuration(s.timeouts.write),
                "shutdown_grace": formatDuration(s.shutdownGrace),
                "max_body_size": "\(s.maxBodySize)",
                "max_request_line": "\(s.limits.maxRequestLineLength)",
                "max_header_size": "\(s.limits.maxHeaderSectionSize)",
                "max_header_count": "\(s.limits.maxHeaderCount)",
                "access_log": s.accessLog.rawValue,
                "forwarded_hosts": c.api.forwardedHosts.joined(separator: ","),
                "cache_size": "\(c.api.cacheSize)",
                "data_dir": dataDirectory,
                "dataset_version": store.datasetVersion,
                "entities": "\(EntityKind.allCases.reduce(0) { $0 + store.entities(of: $1).count })",
            ])
    }
}

/// `10s`, `500ms`: how durations are written in logs and accepted by the options.
func formatDuration(_ d: Duration) -> String {
    let ms = d.components.seconds * 1000 + d.components.attoseconds / 1_000_000_000_000_000
    return ms % 1000 == 0 ? "\(ms / 1000)s" : "\(ms)ms"
}
