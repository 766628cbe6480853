/// Numbers written as ASCII digit bytes, for everything that goes on the wire or into a log as text: decimal for
/// status codes, lengths and durations; hex for JSON `\u` escapes, percent-encoding, entity tags and request ids.
/// One implementation, so no two writers can disagree on case or width.
public enum ASCIIDigits {
    /// `value` in decimal, no sign, no leading zeros. Lengths, codes and durations are never negative.
    public static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        precondition(value >= 0, "lengths, status codes and durations are never negative")
        var divisor = 1
        while divisor <= value / 10 { divisor *= 10 }
        while divisor > 0 {
            out.append(0x30 + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }

    /// The digit for a nibble (0...15). Percent-encoding uses uppercase (RFC 3986 §2.1 recommends it); JSON escapes,
    /// entity tags and request ids use lowercase.
    public static func hexDigit(_ nibble: UInt8, uppercase: Bool = false) -> UInt8 {
        precondition(nibble < 16, "a nibble is 0...15")
        return nibble < 10 ? 0x30 + nibble : (uppercase ? 0x41 : 0x61) + nibble - 10
    }

    /// A byte as two hex digits.
    public static func appendHex(byte: UInt8, uppercase: Bool = false, to out: inout [UInt8]) {
        out.append(hexDigit(byte >> 4, uppercase: uppercase))
        out.append(hexDigit(byte & 0xF, uppercase: uppercase))
    }

    /// A 64-bit value as 16 lowercase hex digits, most significant first (fixed width, so ids and tags sort and
    /// compare as text).
    public static func appendHex(_ value: UInt64, to out: inout [UInt8]) {
        for shift in stride(from: 60, through: 0, by: -4) {
            out.append(hexDigit(UInt8(truncatingIfNeeded: (value >> UInt64(shift)) & 0xF)))
        }
    }
}
