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
