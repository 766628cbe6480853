/// Writes `JSONValue`s as bytes the same way every time: object keys sorted by their UTF-8 bytes, slashes not
/// escaped, non-ASCII as raw UTF-8 (never `\u` escapes), integers without a fraction. Equal values give equal bytes
/// on every run and machine, which is what ETags rely on.
public enum JSONWriter {
    public static func write(_ value: JSONValue, pretty: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        write(value, pretty: pretty, indent: 0, into: &out)
        if pretty { out.append(0x0A) }
        return out
    }

    static func write(_ value: JSONValue, pretty: Bool, indent: Int, into out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let d, let isInteger): appendNumber(d, isInteger: isInteger, into: &out)
        case .string(let s): appendString(s, into: &out)
        case .array(let items):
            if items.isEmpty {
                out.append(contentsOf: "[]".utf8)
                return
            }
            out.append(0x5B)
            for i in items.indices {
                if i > 0 { out.append(0x2C) }
                if pretty { newline(indent + 1, into: &out) }
                write(items[i], pretty: pretty, indent: indent + 1, into: &out)
            }
            if pretty { newline(indent, into: &out) }
            out.append(0x5D)
        case .object(let members):
            if members.isEmpty {
                out.append(contentsOf: "{}".utf8)
                return
            }
            out.append(0x7B)
            inKeyOrder(members) { position, i in
                writeMember(members[i], first: position == 0, pretty: pretty, indent: indent, into: &out)
            }
            if pretty { newline(indent, into: &out) }
            out.append(0x7D)
        }
    }

    /// Calls `body` with each member's position in key byte order and its index. Members are read in place:
    /// `enumerated()` over a sorted copy retained and released every key and value it handed out.
    @inline(__always) private static func inKeyOrder(
        _ members: [(key: String, value: JSONValue)], _ body: (_ position: Int, _ index: Int) -> Void
    ) {
        if isSorted(members) {
            for i in members.indices { body(i, i) }
        } else {
            for (position, i) in members.indices.sorted(by: { precedes(members[$0].key, members[$1].key) })
                .enumerated()
            {
                body(position, i)
            }
        }
    }

    @inline(__always) private static func writeMember(
        _ member: (key: String, value: JSONValue), first: Bool, pretty: Bool, indent: Int, into out: inout [UInt8]
    ) {
        if !first { out.append(0x2C) }
        if pretty { newline(indent + 1, into: &out) }
        appendString(member.key, into: &out)
        out.append(0x3A)
        if pretty { out.append(0x20) }
        write(member.value, pretty: pretty, indent: indent + 1, into: &out)
    }

    /// Whether the keys are already in byte order (the common case: representations are built in it, and the
    /// sorted-keys encoder writes it); a sort is stable, so out-of-order members are written by a sorted index.
    private static func isSorted(_ members: [(key: String, value: JSONValue)]) -> Bool {
        var i = 1
        while i < members.count {
            if !precedes(members[i - 1].key, members[i].key) { return false }
            i += 1
        }
        return true
    }

    /// Whether `a`'s UTF-8 bytes sort before `b`'s: one `memcmp`-like pass over contiguous bytes (the generic
    /// `UTF8View` comparison cost about a tenth of a search answer's instructions).
    static func precedes(_ a: String, _ b: String) -> Bool {
        // Keys mostly differ in their first byte, which a small (inline) string gives without a buffer.
        if let x = a.utf8.first, let y = b.utf8.first, x != y { return x < y }
        var a = a
        var b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let common = min(x.count, y.count)
                var i = 0
                while i < common {
                    if x[i] != y[i] { return x[i] < y[i] }
                    i += 1
                }
                return x.count < y.count
            }
        }
    }

    private static func newline(_ indent: Int, into out: inout [UInt8]) {
        out.append(0x0A)
        out.append(contentsOf: repeatElement(0x20, count: indent * 2))
    }

    private static func appendNumber(_ d: Double, isInteger: Bool, into out: inout [UInt8]) {
        if d.rounded() == d, abs(d) < 9.007_199_254_740_992e15 {
            // Digits straight into the buffer: no `String` per number.
            let n = Int(d)
            if n < 0 { out.append(0x2D) }
            ASCIIDigits.appendDecimal(abs(n), to: &out)
        } else if d.isFinite {
            out.append(contentsOf: d.description.utf8)
        } else {
            out.append(contentsOf: "null".utf8)  // JSON has no NaN or infinity
        }
    }

    /// RFC 8259 §7: `"`, `\` and control characters (below 0x20) escaped, with the short forms where JSON has them;
    /// everything else written as its UTF-8 bytes (DEL included: JSON does not require escaping it) — in runs, not
    /// byte by byte, since almost every string (Arabic text included) needs no escape at all. The one escaper for
    /// bodies, problem documents and log lines alike.
    public static func appendString(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        var s = s
        s.withUTF8 { bytes in
            var runStart = 0
            var i = 0
            while i < bytes.count {
                // Eight bytes at a time while none of them needs an escape (almost always).
                if i + 8 <= bytes.count,
                    !needsEscape(UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self))
                {
                    i += 8
                    continue
                }
                let b = bytes[i]
                if b < 0x20 || b == 0x22 || b == 0x5C {
                    if runStart < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
                    appendEscape(b, into: &out)
                    runStart = i + 1
                }
                i += 1
            }
            if runStart < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...])) }
        }
        out.append(0x22)
    }

    /// Whether any of the eight bytes in `word` is below 0x20, a quote or a backslash (the bit tricks of "Bit Twiddling Hacks":
    /// a byte below `n` and a zero byte, each exact for "any").
    @inline(__always) private static func needsEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
        let below20 = (word &- ones &* 0x20) & ~word & highs != 0
        return below20 || hasZero(word ^ (ones &* 0x22)) || hasZero(word ^ (ones &* 0x5C))
    }

    private static func appendEscape(_ b: UInt8, into out: inout [UInt8]) {
        switch b {
        case 0x22: out.append(contentsOf: [0x5C, 0x22])
        case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
        case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
        case 0x0D: out.append(contentsOf: [0x5C, 0x72])
        case 0x09: out.append(contentsOf: [0x5C, 0x74])
        case 0x08: out.append(contentsOf: [0x5C, 0x62])
        case 0x0C: out.append(contentsOf: [0x5C, 0x66])
        default:
            out.append(contentsOf: [0x5C, 0x75])
            ASCIIDigits.appendHex(byte: 0, to: &out)
            ASCIIDigits.appendHex(byte: b, to: &out)
        }
    }
}

extension JSONWriter {
    /// `s` as a JSON string literal, for text built outside a byte buffer (log lines in the executable).
    public static func quoted(_ s: String) -> String {
        var out: [UInt8] = []
        appendString(s, into: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
