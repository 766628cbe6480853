/// Where the source document says something.
///
/// `paragraph` is 1-based (the line number in the source text); `start`/`end` are 0-based offsets
/// in Unicode scalars within that paragraph, `end` exclusive. `quote` is the exact Arabic text at
/// those offsets, which the loader verifies.
public struct Citation: Sendable, Codable, Equatable, Hashable {
    public var source: String
    public var paragraph: Int
    public var start: Int
    public var end: Int
    public var quote: String
    /// The English rendering of `quote`; always a translation, never the source.
    public var translation: Translation?

    public init(source: String, paragraph: Int, start: Int, end: Int, quote: String, translation: Translation? = nil) {
        self.source = source
        self.paragraph = paragraph
        self.start = start
        self.end = end
        self.quote = quote
        self.translation = translation
    }
}

/// A translated quote, marked as such (`kind` is always `"translation"`).
public struct Translation: Sendable, Codable, Equatable, Hashable {
    public var en: String
    public var kind: String

    public init(en: String, kind: String = "translation") {
        self.en = en
        self.kind = kind
    }
}
