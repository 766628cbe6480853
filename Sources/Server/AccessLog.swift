import JSON

/// One line per request on stdout, buffered per event loop and flushed when the buffer fills or at least once a
/// second, so logging is never what limits throughput. A flush hands whole lines to stdout's `LogBuffer`, which never
/// blocks the loop: lines from different loops never interleave, and when stdout falls behind they are dropped and
/// counted rather than waited for.
struct AccessLog {
    struct Entry {
        var wallSeconds: Int
        var wallNanoseconds: Int
        var method: String
        var target: String
        var status: Int
        var bytes: Int
        var durationMicroseconds: Int64
        var client: String
        var requestID: String?
    }

    let format: ServerConfiguration.AccessLogFormat
    private var buffer: [UInt8] = []
    /// Lines in `buffer`: what a drop counts.
    private var lines = 0
    private static let flushThreshold = 32 * 1024

    init(format: ServerConfiguration.AccessLogFormat) {
        self.format = format
    }

    var isEnabled: Bool { format != .off }

    mutating func record(_ e: Entry) {
        switch format {
        case .off: return
        case .json: appendJSON(e)
        case .text: appendText(e)
        }
        lines += 1
        if buffer.count >= AccessLog.flushThreshold { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        StandardOutput.write(buffer, lines: lines)
        buffer.removeAll(keepingCapacity: true)
        lines = 0
    }

    private mutating func appendJSON(_ e: Entry) {
        buffer.append(contentsOf: #"{"time":""#.utf8)
        appendTimestamp(e.wallSeconds, e.wallNanoseconds)
        buffer.append(contentsOf: #"","method":"#.utf8)
        JSONWriter.appendString(e.method, into: &buffer)
        buffer.append(contentsOf: #","target":"#.utf8)
        JSONWriter.appendString(e.target, into: &buffer)
        buffer.append(contentsOf: #","status":"#.utf8)
        ASCIIDigits.appendDecimal(e.status, to: &buffer)
        buffer.append(contentsOf: #","bytes":"#.utf8)
        ASCIIDigits.appendDecimal(e.bytes, to: &buffer)
        buffer.append(contentsOf: #","duration_us":"#.utf8)
        ASCIIDigits.appendDecimal(Int(max(0, e.durationMicroseconds)), to: &buffer)
        buffer.append(contentsOf: #","client":"#.utf8)
        JSONWriter.appendString(e.client, into: &buffer)
        if let id = e.requestID {
            buffer.append(contentsOf: #","request_id":"#.utf8)
            JSONWriter.appendString(id, into: &buffer)
        }
        buffer.append(contentsOf: "}\n".utf8)
    }

    /// Common-log-like: `client - - [time] "METHOD target" status bytes duration_us`.
    private mutating func appendText(_ e: Entry) {
        buffer.append(contentsOf: e.client.utf8)
        buffer.append(contentsOf: " - - [".utf8)
        appendTimestamp(e.wallSeconds, e.wallNanoseconds)
        buffer.append(contentsOf: "] \"".utf8)
        buffer.append(contentsOf: e.method.utf8)
        buffer.append(0x20)
        buffer.append(contentsOf: e.target.utf8)
        buffer.append(contentsOf: "\" ".utf8)
        ASCIIDigits.appendDecimal(e.status, to: &buffer)
        buffer.append(0x20)
        ASCIIDigits.appendDecimal(e.bytes, to: &buffer)
        buffer.append(0x20)
        ASCIIDigits.appendDecimal(Int(max(0, e.durationMicroseconds)), to: &buffer)
        buffer.append(contentsOf: "us\n".utf8)
    }

    /// RFC 3339 UTC with milliseconds: 2026-11-29T05:26:47.123Z
    private mutating func appendTimestamp(_ seconds: Int, _ nanoseconds: Int) {
        buffer.append(contentsOf: Timestamp.rfc3339(seconds: seconds, milliseconds: nanoseconds / 1_000_000).utf8)
    }
}
