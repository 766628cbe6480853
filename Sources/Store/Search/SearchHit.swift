/// One search result: what matched, how well, and where, for highlighting.
public struct SearchHit: Sendable, Equatable, Encodable {
    public enum Target: Sendable, Hashable {
        case entity(EntityReference)
        /// A paragraph of the primary source (1-based).
        case paragraph(Int)
    }

    /// Which text matched. Ranking follows this order: name, alias, then text mentions.
    public enum Field: String, Sendable, Codable, Equatable {
        case name, alias, description, quote, paragraph
    }

    public var target: Target
    /// Higher is better; only the order is meaningful.
    public var score: Int
    public var field: Field
    /// `ar` or `en`: the language of `snippet`.
    public var language: String
    /// The matched text, original and unnormalized (the whole name, alias, quote or paragraph).
    public var snippet: String
    /// The match within `snippet`, in Unicode scalars, end exclusive (for paragraphs these are
    /// also offsets within the paragraph, as in citations).
    public var matchStart: Int
    public var matchEnd: Int

    enum CodingKeys: String, CodingKey {
        case type, id, paragraph, score, field, language, snippet
        case matchStart = "match_start"
        case matchEnd = "match_end"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch target {
        case .entity(let reference):
            try c.encode(reference.type, forKey: .type)
            try c.encode(reference.id, forKey: .id)
        case .paragraph(let n):
            try c.encode("paragraphs", forKey: .type)
            try c.encode(n, forKey: .paragraph)
        }
        try c.encode(score, forKey: .score)
        try c.encode(field, forKey: .field)
        try c.encode(language, forKey: .language)
        try c.encode(snippet, forKey: .snippet)
        try c.encode(matchStart, forKey: .matchStart)
        try c.encode(matchEnd, forKey: .matchEnd)
    }
}
