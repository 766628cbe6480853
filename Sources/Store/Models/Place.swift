public struct Place: Entity, Decodable, Equatable {
    public static let kind = EntityKind.places
    public var id: String
    public var name: LocalizedText
    public var aliases: LocalizedList
    public var description: LocalizedText
    public var placeType: PlaceType
    /// Countries the place lies in or between (empty for continents and routes).
    public var countries: [String]
    public var citations: [Citation]
    /// Namings of the entity the citations leave out on purpose, each with its reason.
    public var uncitedMentions: [UncitedMention]?
    public var notes: [LocalizedText]?
    public var external: [ExternalFact]?
    public var interpretations: [Interpretation]?

    public enum PlaceType: String, Sendable, Codable, Equatable, CaseIterable {
        case city, sea, region, continent, route, border
        case culturalRegion = "cultural-region"
    }

    enum CodingKeys: String, CodingKey {
        case id, name, aliases, description, countries, citations, notes, external, interpretations
        case uncitedMentions = "uncited_mentions"
        case placeType = "place_type"
    }

    public func references() -> [EntityReference] { countries.map { EntityReference(type: .countries, id: $0) } }
}
