/// A figure or claim the text states (border rank, area, number of nationalities, …).
public struct Fact: Entity, Decodable, Equatable {
    public static let kind = EntityKind.facts
    public var id: String
    public var name: LocalizedText
    public var aliases: LocalizedList
    public var description: LocalizedText
    public var subject: EntityReference
    public var category: Category
    public var statement: LocalizedText
    public var quantity: Quantity?
    public var related: [EntityReference]
    public var citations: [Citation]
    /// Namings of the entity the citations leave out on purpose, each with its reason.
    public var uncitedMentions: [UncitedMention]?
    public var notes: [LocalizedText]?
    public var external: [ExternalFact]?
    public var interpretations: [Interpretation]?

    enum CodingKeys: String, CodingKey {
        case id, name, aliases, description, subject, category, statement, quantity, related, citations, notes,
            external,
            interpretations
        case uncitedMentions = "uncited_mentions"
    }

    public enum Category: String, Sendable, Codable, Equatable, CaseIterable {
        case geography, demography, history, politics, economy, society, membership, commitment
    }

    public func references() -> [EntityReference] { [subject] + related }
}

/// A number the text states, with the text's own wording of it.
public struct Quantity: Sendable, Codable, Equatable {
    public var value: Double
    public var unit: String
    public var qualifier: Qualifier
    /// The figure exactly as the text writes it, e.g. «2,7 مليون كم مربع».
    public var text: String

    public enum Qualifier: String, Sendable, Codable, Equatable, CaseIterable {
        case exactly, approximately, rank
        case moreThan = "more-than"
    }
}
