/// The engine's own diagnostics (accept back-off, failed listeners) go to stderr as JSON lines. Event loops write
/// them, so they go through a `LogBuffer` like stdout: a blocked stderr drops them and counts them, never stalls a
/// loop. (The executable's start-up errors are written directly: no loop runs yet, and the process exits next; a
/// reload's errors come here, since the server keeps running.)
public enum StandardError {
    /// Diagnostics are rare and short: 64 KiB holds hundreds, and a storm of them is better dropped than kept.
    static let budget = 64 * 1024

    static let buffer = LogBuffer(budget: budget, streamName: "stderr", sink: { FileDescriptorSink(fd: 2).write($0) })

    /// Queues one line (a newline is added).
    public static func writeLine(_ line: String) {
        buffer.enqueue(Array((line + "\n").utf8), lines: 1)
    }
}
