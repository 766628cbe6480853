/// Text keyed by BCP 47 tag. Arabic is the source document's wording; English is an editorial translation.
public struct LocalizedText: Sendable, Codable, Equatable, Hashable {
    public var ar: String
    public var en: String

    public init(ar: String, en: String) {
        self.ar = ar
        self.en = en
    }

    /// The two texts with their language tag, in a fixed order (ar first: the original).
    public var all: [(language: String, text: String)] { [("ar", ar), ("en", en)] }
}

/// Alternative names per language: every spelling the text uses plus the standard one.
public struct LocalizedList: Sendable, Codable, Equatable, Hashable {
    public var ar: [String]
    public var en: [String]

    public init(ar: [String], en: [String]) {
        self.ar = ar
        self.en = en
    }

    public var all: [(language: String, text: String)] { ar.map { ("ar", $0) } + en.map { ("en", $0) } }
}
