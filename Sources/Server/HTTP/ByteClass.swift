/// Character classes of the HTTP grammars, as 128-bit membership masks so a test is two shifts and no table load
/// (a global lookup array would cost a lazy-initialisation check on every byte).
public enum ByteClass {
    static let cr: UInt8 = 0x0D
    static let lf: UInt8 = 0x0A
    static let sp: UInt8 = 0x20
    static let htab: UInt8 = 0x09

    @inline(__always)
    private static func member(_ b: UInt8, low: UInt64, high: UInt64) -> Bool {
        if b < 64 { return (low >> UInt64(b)) & 1 == 1 }
        if b < 128 { return (high >> UInt64(b &- 64)) & 1 == 1 }
        return false
    }

    /// RFC 9110 §5.6.2: tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA
    @inline(__always)
    static func isTokenChar(_ b: UInt8) -> Bool {
        member(b, low: 0x03FF_6CFA_0000_0000, high: 0x57FF_FFFF_C7FF_FFFE)
    }

    /// Bytes allowed in a request-target: RFC 3986 unreserved / sub-delims / ":" / "@" / "/" / "?" / "%".
    /// (No "#": a fragment is never sent, RFC 9110 §7.1; no space, CTL or non-ASCII byte.)
    @inline(__always)
    static func isTargetChar(_ b: UInt8) -> Bool {
        member(b, low: 0xAFFF_FFF2_0000_0000, high: 0x47FF_FFFE_87FF_FFFF)
    }

    /// `isTargetChar` without "%" and "?", the two bytes the target scanner must act on.
    @inline(__always)
    static func isPlainTargetChar(_ b: UInt8) -> Bool {
        member(b, low: 0x2FFF_FFD2_0000_0000, high: 0x47FF_FFFE_87FF_FFFF)
    }

    /// Bytes a browser's URL parser leaves raw in a path or query (the WHATWG URL percent-encode sets leave them out)
    /// though RFC 3986 does not allow them: `[ ] { } | \ ^` and backtick. A target that is valid but for these is
    /// redirected to its percent-encoded form (RFC 9112 §3.2), not refused (`RawTarget`).
    @inline(__always)
    static func isBrowserRawTargetChar(_ b: UInt8) -> Bool {
        member(b, low: 0, high: 0x3800_0001_7800_0000)
    }

    /// Whether all eight bytes of a word are field-vchars (SWAR: no byte below 0x21, none equal to 0x7F;
    /// bytes >= 0x80 are obs-text and allowed).
    @inline(__always)
    static func areFieldVChars(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        // A byte < 0x21 with its high bit clear borrows into its own high bit; obs-text bytes are masked by ~word.
        let below21 = (word &- ones &* 0x21) & ~word & highs
        let del = word ^ (ones &* 0x7F)
        let isDel = (del &- ones) & ~del & highs
        return below21 | isDel == 0
    }

    /// Bytes allowed in a URI authority without userinfo (RFC 3986 §3.2.2 host, §3.2.3 port):
    /// unreserved / sub-delims / ":" / "%" / "[" / "]" (IP-literal). Used for `Host` and absolute-form authorities.
    @inline(__always)
    static func isHostChar(_ b: UInt8) -> Bool {
        member(b, low: 0x2FFF_7FF2_0000_0000, high: 0x47FF_FFFE_AFFF_FFFE)
    }

    /// RFC 9110 §5.5: field-vchar = VCHAR / obs-text (0x21–0x7E, 0x80–0xFF).
    @inline(__always)
    static func isFieldVChar(_ b: UInt8) -> Bool {
        (b > 0x20 && b != 0x7F)
    }

    /// OWS = *( SP / HTAB ) (RFC 9110 §5.6.3). Public: the API's entity-tag list scanner uses it too.
    @inline(__always)
    public static func isWhitespace(_ b: UInt8) -> Bool { b == sp || b == htab }

    /// `bytes` without optional whitespace at either end (OWS = *( SP / HTAB ), RFC 9110 §5.6.3). The engine's one
    /// trimmer: list elements, token lists scanned in place, and `Substring.trimmingOWS` all use it.
    @inline(__always)
    static func trimmingOWS<Bytes: BidirectionalCollection<UInt8>>(_ bytes: Bytes) -> Bytes.SubSequence {
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, isWhitespace(bytes[start]) { bytes.formIndex(after: &start) }
        while start < end {
            let before = bytes.index(before: end)
            guard isWhitespace(bytes[before]) else { break }
            end = before
        }
        return bytes[start..<end]
    }

    @inline(__always)
    static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }

    /// The value of a hex digit (either case), or nil.
    @inline(__always)
    static func hexValue(_ b: UInt8) -> UInt8? {
        if b &- 0x30 < 10 { return b &- 0x30 }
        let lower = b | 0x20
        if lower &- 0x61 < 6 { return lower &- 0x61 &+ 10 }
        return nil
    }

    @inline(__always)
    static func isHexDigit(_ b: UInt8) -> Bool { hexValue(b) != nil }

    /// ASCII case-insensitive equality of a byte range with a lowercase literal.
    static func equalsLowercase(_ bytes: UnsafeRawBufferPointer, _ start: Int, _ end: Int, _ lowercase: StaticString)
        -> Bool
    {
        guard end - start == lowercase.utf8CodeUnitCount else { return false }
        let literal = lowercase.utf8Start
        for i in 0..<(end - start) {
            let b = bytes[start + i]
            // `| 0x20` folds only letters onto lowercase; the literal is lowercase letters only, so no other byte can match.
            let folded = (b &- 0x41 < 26) ? b | 0x20 : b
            if folded != literal[i] { return false }
        }
        return true
    }
}
