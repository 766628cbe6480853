/// An object's key, its bytes made once as a member's opening `,"key":`: a `JSONByteSink` writes a key as one copy
/// of bytes (from the second byte for an object's first member), not a quote, the key, a quote and a colon appended
/// one by one (~190 instructions a key, ~111 keys in a page of ten search hits). Made once, held in a `static let`.
public struct JSONKey: Sendable {
    /// The key itself, for a `JSONTreeSink`'s tree.
    public let name: String
    /// `,"name":`.
    @usableFromInline let member: [UInt8]

    /// `name`: a literal that needs no escape (no quote, backslash or control character).
    public init(_ name: StaticString) {
        self.name = name.description
        member = [0x2C, 0x22] + self.name.utf8 + [0x22, 0x3A]
        precondition(!self.name.utf8.contains { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 }, "a key needing no escape")
    }
}
