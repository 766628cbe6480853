/// One cited span in a paragraph: which entity cites it, what kind of span it is, and where (Unicode-scalar offsets
/// into the paragraph, end exclusive).
public struct Mention: Sendable, Codable, Equatable, Hashable {
    /// What the span is, for a page that highlights names differently from the evidence around them.
    public enum Role: String, Sendable, Codable, CaseIterable {
        /// Words that name the entity: its name, an alias, an alternate name, a title it holds («أمير دولة قطر»), a
        /// generated adjective or plural of one of those, with a word for its kind («مدينة») and particles around them.
        case name
        /// A longer span cited as evidence for the entity: a clause with words that are not its names.
        case claim
    }

    public var type: EntityKind
    public var id: String
    /// The entity's name, so a highlighted paragraph needs no request per mention.
    public var name: LocalizedText
    public var role: Role
    public var paragraph: Int
    public var start: Int
    public var end: Int
    public var quote: String
}
