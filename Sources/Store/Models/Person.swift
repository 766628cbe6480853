public struct Person: Entity, Decodable, Equatable {
    public static let kind = EntityKind.people
    public var id: String
    public var name: LocalizedText
    public var aliases: LocalizedList
    public var description: LocalizedText
    public var country: String
    public var roles: [Role]
    public var citations: [Citation]
    /// Namings of the entity the citations leave out on purpose, each with its reason.
    public var uncitedMentions: [UncitedMention]?
    public var notes: [LocalizedText]?
    public var external: [ExternalFact]?
    public var interpretations: [Interpretation]?

    enum CodingKeys: String, CodingKey {
        case id, name, aliases, description, country, roles, citations, notes, external, interpretations
        case uncitedMentions = "uncited_mentions"
    }

    public func references() -> [EntityReference] {
        [EntityReference(type: .countries, id: country)]
            + roles.compactMap { $0.country.map { EntityReference(type: .countries, id: $0) } }
    }

    public func nestedCitations() -> [Citation] { roles.flatMap(\.citations) }
}

/// A title the text gives a person, e.g. «ولي العهد السعودي».
public struct Role: Sendable, Codable, Equatable {
    public var title: LocalizedText
    public var country: String?
    public var citations: [Citation]
    public var notes: [LocalizedText]?
    public var external: [ExternalFact]?
}
