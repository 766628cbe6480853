/// A header field name (RFC 9110 §5.1), kept as written (that is what goes on the wire) and compared and hashed
/// case-insensitively, as field names are. Whether the engine owns the name is decided once, when the name is made,
/// so the encoder's check of every field of every response is one load, not string comparisons.
public struct HeaderName: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The name as written.
    public let rawName: String
    /// One of `engineOwnedNames`: the encoder drops it from whatever a handler returns.
    let isEngineOwned: Bool

    /// The framing fields the engine writes itself on every response (`Date`, `Server`, `Content-Length`,
    /// `Connection`), and `Transfer-Encoding`, which it never sends: one response must not be framed two ways
    /// (RFC 9112 §6.1, §6.3).
    static let engineOwnedNames = ["Date", "Server", "Content-Length", "Connection", "Transfer-Encoding"]

    public init(_ name: String) {
        rawName = name
        // ASCIICase.equal compares lengths first, so most names are told apart by their length alone.
        isEngineOwned = HeaderName.engineOwnedNames.contains { ASCIICase.equal($0, name) }
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
