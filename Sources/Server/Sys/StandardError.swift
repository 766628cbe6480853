import Glibc

/// The engine's own diagnostics (accept back-off, failed listeners) go to stderr as JSON lines.
enum StandardError {
    static func writeLine(_ line: String) {
        var bytes = Array((line + "\n").utf8)
        bytes.withUnsafeMutableBytes { raw in
            _ = Glibc.write(2, raw.baseAddress, raw.count)
        }
    }
}
