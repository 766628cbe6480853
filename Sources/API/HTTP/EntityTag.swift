import JSON
import Server

/// An entity-tag (RFC 9110 §8.8.3): an opaque validator of one representation.
struct EntityTag: Sendable, Equatable {
    /// The characters between the quotes.
    var opaque: String
    var isWeak: Bool

    init(opaque: String, isWeak: Bool = false) {
        self.opaque = opaque
        self.isWeak = isWeak
    }

    /// `"abc"` or `W/"abc"`, as sent in an `ETag` field.
    var headerValue: String {
        isWeak ? "W/\"" + opaque + "\"" : "\"" + opaque + "\""
    }

    /// The strong tag of exactly these bytes: XXH64 (seed 0) rendered as 16 lowercase hex digits.
    ///
    /// A strong tag is right because it changes whenever a single byte does (§8.8.1). XXH64 is a published,
    /// unseeded algorithm, so the tag is the same in every process and on every replica (Swift's `Hasher`
    /// is seeded per process and would not be); it reads 32 bytes per round, so tagging a large body costs
    /// little. It is not cryptographic: it guards against accidental change, not against an adversary, which
    /// is all a cache validator needs for bodies the server itself produced.
    static func strong(for body: [UInt8]) -> EntityTag {
        EntityTag(opaque: hex(XXH64.hash(body)), isWeak: false)
    }

    /// 16 lowercase hex digits, most significant first.
    private static func hex(_ value: UInt64) -> String {
        var digits: [UInt8] = []
        digits.reserveCapacity(16)
        ASCIIDigits.appendHex(value, to: &digits)
        return String(decoding: digits, as: UTF8.self)
    }
}

// MARK: - Lists (If-None-Match, If-Match)

extension EntityTag {
    /// What a `If-None-Match` / `If-Match` value is (RFC 9110 §13.1.1, §13.1.2: `"*" / #entity-tag`).
    enum ListShape {
        /// `*`: any current representation.
        case any
        /// Listed tags (possibly none: `#` allows an empty list, RFC 9110 §5.6.1), handed to the visitor.
        case tags
        /// Not the grammar: an unquoted or unterminated tag, `*` mixed with tags, junk between members. The whole
        /// field is then to be ignored, as if absent — RFC 9110 gives a malformed precondition no meaning, and
        /// guessing at one could answer 304 for a representation the client never named.
        case invalid
    }

    /// One pass over the list members of every value, handing each tag's weakness and opaque bytes to `visit`
    /// as a view of the field's own storage (valid during the call only) — nothing is allocated, so matching a
    /// request's If-None-Match against a tag costs a scan and a compare. The shape is only known at the end:
    /// `visit` may have seen tags of a list that turns out `.invalid`.
    static func scanList<Values: Sequence<String>>(
        _ fieldValues: Values,
        _ visit: (_ isWeak: Bool, _ opaque: UnsafeBufferPointer<UInt8>) -> Void
    ) -> ListShape {
        var sawStar = false
        var members = 0
        for value in fieldValues {
            var value = value
            let valid = value.withUTF8 { bytes -> Bool in
                var i = 0
                let end = bytes.count
                while true {
                    // RFC 9110 §5.6.1: empty list elements (`, ,`) are accepted and ignored.
                    while i < end, bytes[i] == UInt8(ascii: ",") || ByteClass.isWhitespace(bytes[i]) { i += 1 }
                    guard i < end else { return true }
                    members += 1
                    if bytes[i] == UInt8(ascii: "*") {
                        sawStar = true
                        i += 1
                    } else {
                        var isWeak = false
                        // weak = %s"W/" — case-sensitive (RFC 9110 §8.8.3).
                        if bytes[i] == UInt8(ascii: "W") {
                            i += 1
                            guard i < end, bytes[i] == UInt8(ascii: "/") else { return false }
                            i += 1
                            isWeak = true
                        }
                        guard i < end, bytes[i] == UInt8(ascii: "\"") else { return false }
                        i += 1
                        let start = i
                        while i < end, bytes[i] != UInt8(ascii: "\"") {
                            guard isEtagc(bytes[i]) else { return false }
                            i += 1
                        }
                        guard i < end else { return false }  // unterminated
                        visit(isWeak, UnsafeBufferPointer(rebasing: bytes[start..<i]))
                        i += 1  // the closing quote
                    }
                    // After a member: OWS, then a comma or the end.
                    while i < end, ByteClass.isWhitespace(bytes[i]) { i += 1 }
                    guard i == end || bytes[i] == UInt8(ascii: ",") else { return false }
                }
            }
            guard valid else { return .invalid }
        }
        if sawStar {
            // `*` stands alone: `"*" / #entity-tag`, never both.
            return members == 1 ? .any : .invalid
        }
        return .tags
    }

    /// etagc = %x21 / %x23-7E / obs-text — any visible byte but DQUOTE, so a tag may contain a comma.
    private static func isEtagc(_ byte: UInt8) -> Bool {
        byte == 0x21 || (byte >= 0x23 && byte != 0x7F)
    }
}
