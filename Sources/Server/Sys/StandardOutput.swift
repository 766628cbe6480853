import Glibc

/// Whole-buffer writes to stdout under one lock, shared by the access log and the engine's own log lines.
public enum StandardOutput {
    /// Guards no data, only the order of writes. Not `Locked(())`: a zero-sized value shares its address with the
    /// mutex pointer, and ThreadSanitizer then reports the lock's own bookkeeping as a race.
    private static let lock = Locked(0)

    static func write(_ bytes: [UInt8]) {
        lock.withLock { _ in
            bytes.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let n = Glibc.write(1, raw.baseAddress! + offset, raw.count - offset)  // non-empty: caller checked
                    if n < 0 {
                        if errno == EINTR { continue }
                        return  // stdout gone (closed pipe): drop the log rather than stall a loop
                    }
                    offset += n
                }
            }
        }
    }

    /// Writes one line (a newline is added).
    public static func writeLine(_ line: String) {
        write(Array((line + "\n").utf8))
    }
}
