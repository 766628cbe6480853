/// stdout, shared by the access log and the executable's own log lines. A `LogBuffer`: a slow reader (a container
/// log driver that falls behind, a pipe nobody reads) costs dropped and counted lines, never a stalled event loop.
public enum StandardOutput {
    /// 4 MiB: some 20,000 access-log lines, a fraction of a second at full load, which rides out a log collector's
    /// hiccup without losing a line; bounded, so a reader that stops for good costs 4 MiB of memory, not all of it.
    static let budget = 4 * 1024 * 1024

    static let buffer = LogBuffer(budget: budget, streamName: "stdout", sink: { FileDescriptorSink(fd: 1).write($0) })

    /// `bytes` holds `lines` whole lines, written together or dropped together.
    static func write(_ bytes: [UInt8], lines: Int) {
        buffer.enqueue(bytes, lines: lines)
    }

    /// Queues one line (a newline is added).
    public static func writeLine(_ line: String) {
        write(Array((line + "\n").utf8), lines: 1)
    }
}
