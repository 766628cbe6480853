/// A header field name (RFC 9110 §5.1), kept as written (that is what goes on the wire) and compared and hashed
/// case-insensitively, as field names are.
public struct HeaderName: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The name as written.
    public let rawName: String

    /// The framing fields the engine writes itself on every response (`Date`, `Server`, `Content-Length`,
    /// `Connection`), and `Transfer-Encoding`, which it never sends: one response must not be framed two ways
    /// (RFC 9112 §6.1, §6.3).
    static let engineOwnedNames = ["Date", "Server", "Content-Length", "Connection", "Transfer-Encoding"]

    /// Bit n is set when some engine-owned name is n bytes long. Derived from `engineOwnedNames`, so it cannot drift
    /// from it; most names are told apart by this one bit test (all the names are shorter than 64 bytes).
    private static let engineOwnedLengths: UInt64 = engineOwnedNames.reduce(0) { $0 | 1 << UInt64($1.utf8.count) }

    public init(_ name: String) {
        rawName = name
    }

    /// One of `engineOwnedNames`: the encoder drops it from whatever a handler returns. Computed when asked (only
    /// the encoder asks, for fields it has not pre-encoded), not when made: the parser makes a name for every field
    /// of every request, and none of them is ever encoded.
    var isEngineOwned: Bool {
        let length = rawName.utf8.count
        return length < 64 && HeaderName.engineOwnedLengths & (1 << UInt64(length)) != 0
            && HeaderName.engineOwnedNames.contains { ASCIICase.equal($0, rawName) }
    }

    public init(stringLiteral name: String) {
        self.init(name)
    }

    public var description: String { rawName }

    public static func == (lhs: HeaderName, rhs: HeaderName) -> Bool {
        ASCIICase.equal(lhs.rawName, rhs.rawName)
    }

    /// Hashes the name with ASCII letters folded to lower case, so names `==` calls equal hash alike.
    public func hash(into hasher: inout Hasher) {
        for byte in rawName.utf8 {
            hasher.combine(byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte)
        }
        hasher.combine(rawName.utf8.count)
    }
}
