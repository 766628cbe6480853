/// Knowledge from outside the text (a year the text omits, say). Never mixed into citations.
public struct ExternalFact: Sendable, Codable, Equatable, Hashable {
    /// The field this completes, e.g. `"date"`.
    public var field: String
    public var value: String
    /// Always `"external"`.
    public var source: String
    public var note: LocalizedText
}

/// Where the text is ambiguous or plainly wrong: its literal words kept, plus the likely meaning.
public struct Interpretation: Sendable, Codable, Equatable, Hashable {
    public var literal: LocalizedText
    public var likely: LocalizedText
    public var note: LocalizedText
    public var citations: [Citation]
}

/// A naming of the entity in the text (its name or an alias) that none of its citations covers, on purpose, and why:
/// «نور سلطان» in the President's name is not the city. Offsets as in `Citation`; the loader verifies the quote.
public struct UncitedMention: Sendable, Codable, Equatable, Hashable {
    public var source: String
    public var paragraph: Int
    public var start: Int
    public var end: Int
    public var quote: String
    public var reason: LocalizedText
}
