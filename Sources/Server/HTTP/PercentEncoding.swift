/// Percent-decoding of path segments and query components (RFC 3986 §2.1).
public enum PercentEncoding {
    /// Decodes %XX escapes; with plusAsSpace, `+` becomes a space (application/x-www-form-urlencoded query).
    /// nil when an escape is malformed or the decoded bytes are not valid UTF-8.
    public static func decode(_ s: Substring, plusAsSpace: Bool = false) -> String? {
        let utf8 = s.utf8
        // Most segments have nothing to decode: skip the byte buffer.
        guard utf8.contains(where: { $0 == UInt8(ascii: "%") || (plusAsSpace && $0 == UInt8(ascii: "+")) }) else {
            return String(s)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var i = utf8.startIndex
        while i < utf8.endIndex {
            let b = utf8[i]
            if b == UInt8(ascii: "%") {
                let first = utf8.index(after: i)
                guard first < utf8.endIndex else { return nil }
                let second = utf8.index(after: first)
                guard second < utf8.endIndex,
                    let high = ByteClass.hexValue(utf8[first]),
                    let low = ByteClass.hexValue(utf8[second])
                else { return nil }
                bytes.append(high << 4 | low)
                i = utf8.index(after: second)
                continue
            }
            bytes.append(plusAsSpace && b == UInt8(ascii: "+") ? UInt8(ascii: " ") : b)
            i = utf8.index(after: i)
        }
        // RFC 3986 §2.5: escapes of text are UTF-8; anything else is refused rather than replaced.
        return String(validating: bytes, as: UTF8.self)
    }

    public static func decode(_ s: String, plusAsSpace: Bool = false) -> String? {
        decode(s[...], plusAsSpace: plusAsSpace)
    }
}
