/// One cited span in a paragraph: which entity cites it and where (Unicode-scalar offsets).
public struct Mention: Sendable, Codable, Equatable, Hashable {
    public var type: EntityKind
    public var id: String
    public var paragraph: Int
    public var start: Int
    public var end: Int
    public var quote: String
}
