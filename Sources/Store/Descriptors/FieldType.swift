/// What a field of a data file holds. The validator checks values against it, the descriptors derive reference
/// targets and enumerations from it, and a test checks it against `Resources/schema/*.schema.json`.
indirect enum FieldType: Sendable {
    /// A non-empty string.
    case string
    case integer(minimum: Int)
    case number
    /// `{"ar": "…", "en": "…"}`, both non-empty, no other keys.
    case localized
    /// `{"ar": ["…"], "en": ["…"]}`, non-empty strings, no other keys.
    case localizedList
    /// A country's own id: ISO 3166-1 alpha-2, or ISO 3166-3 for a state that no longer exists, lowercase.
    case countryCode
    /// A lowercase slug: `[a-z0-9]+(-[a-z0-9]+)*`.
    case slug
    /// A plain id string pointing at an entity of a fixed kind.
    case id(EntityKind)
    /// `{"type": "<collection>", "id": "<id>"}`.
    case reference
    case enumeration([String])
    case constant(String)
    case alpha3
    case sha256Hex
    /// ISO 8601 calendar date truncated to year, month or day (`2002-06`), or an interval `a/b`.
    case isoDate
    /// An RFC 3339 instant in UTC with whole seconds, `2026-11-29T05:32:23Z` (`UTCTimestamp`).
    case timestamp
    case array(FieldType, nonEmpty: Bool)
    case object(ObjectSpec)
    /// A citation object, whose offsets and quote are verified against the source text.
    case citation
    /// A naming left uncited on purpose (`Schema.uncitedMention`): its offsets and quote are verified like a citation's.
    case uncitedMention
}
