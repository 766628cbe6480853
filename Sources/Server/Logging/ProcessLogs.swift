/// The process's two log streams taken together: what the executable flushes before it exits, and what `/metrics`
/// counts as dropped.
public enum ProcessLogs {
    /// Waits up to `limit` in all for stdout and stderr to write what is buffered; false when one could not (its
    /// reader is still stuck). The caller exits either way: a log reader that stopped must never keep SIGTERM from
    /// finishing.
    @discardableResult
    public static func flush(within limit: Duration) -> Bool {
        let deadline = Instant.now() + limit
        let out = StandardOutput.buffer.drain(until: deadline)
        let err = StandardError.buffer.drain(until: deadline)
        return out && err
    }

    /// Lines dropped from stdout and stderr since start because their readers did not keep up.
    static var droppedLines: Int {
        StandardOutput.buffer.droppedTotal + StandardError.buffer.droppedTotal
    }
}
