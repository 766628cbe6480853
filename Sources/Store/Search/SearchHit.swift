/// One search result: what matched, how well, and where, for highlighting.
public struct SearchHit: Sendable, Equatable {
    public enum Target: Sendable, Hashable {
        case entity(EntityReference)
        /// A paragraph of the primary source (1-based).
        case paragraph(Int)
    }

    /// Which text matched, best first: the entity's name, a title it holds (a role: «أمير قطر»), an alias, a name
    /// people use that the text does not (`AlternateName`), a word for its kind («مدينة», "organization"), then words
    /// of its description or of a quote citing it; for paragraphs, the paragraph.
    public enum Field: String, Sendable, Codable, Equatable, CaseIterable {
        case name, role, alias, alternate, kind, description, quote, paragraph
    }

    /// A matched range, in Unicode scalars, end exclusive.
    public struct Span: Sendable, Equatable, Hashable {
        public var start: Int
        public var end: Int

        public init(start: Int, end: Int) {
            self.start = start
            self.end = end
        }
    }

    public var target: Target
    /// Higher is better; only the order is meaningful.
    public var score: Int
    public var field: Field
    /// `ar` or `en` (or the language of an alternate name): the language of `snippet`.
    public var language: String
    /// The matched text as written: the whole name, alias, role, description or quote; for a paragraph, a window
    /// of it from a little before the first match to a little after the last, starting `snippetStart` scalars into
    /// the paragraph.
    public var snippet: String
    public var snippetStart: Int
    /// Every matched word (and, for a paragraph found through an entity it mentions, each mention), sorted. Offsets
    /// are into the whole text the snippet is taken from: the name, alias, description or quote, or the paragraph
    /// (as in citations).
    public var matches: [Span]

    public var matchStart: Int { matches.first?.start ?? 0 }
    public var matchEnd: Int { matches.first?.end ?? 0 }
}
