public struct Country: Entity, Decodable, Equatable {
    public static let kind = EntityKind.countries
    public var id: String
    public var name: LocalizedText
    public var aliases: LocalizedList
    public var description: LocalizedText
    /// Uppercase ISO 3166-1 alpha-3 (`SUN` for the USSR, whose id is its ISO 3166-3 code).
    public var alpha3: String
    public var status: Status
    public var memberships: [Membership]
    public var citations: [Citation]
    /// Namings of the entity the citations leave out on purpose, each with its reason.
    public var uncitedMentions: [UncitedMention]?
    public var notes: [LocalizedText]?
    public var external: [ExternalFact]?
    public var interpretations: [Interpretation]?

    enum CodingKeys: String, CodingKey {
        case id, name, aliases, description, alpha3, status, memberships, citations, notes, external, interpretations
        case uncitedMentions = "uncited_mentions"
    }

    public enum Status: String, Sendable, Codable, Equatable, CaseIterable { case current, former }

    public func references() -> [EntityReference] {
        memberships.map { EntityReference(type: .organizations, id: $0.organization) }
    }

    public func nestedCitations() -> [Citation] { memberships.flatMap(\.citations) }
}

/// Country → organization, with what the text says about when and how.
public struct Membership: Sendable, Codable, Equatable {
    public var organization: String
    public var when: LocalizedText?
    public var how: LocalizedText?
    public var citations: [Citation]
    public var notes: [LocalizedText]?
    public var external: [ExternalFact]?
}
