public struct Declaration: Entity, Decodable, Equatable {
    public static let kind = EntityKind.declarations
    public var id: String
    public var name: LocalizedText
    public var aliases: LocalizedList
    public var description: LocalizedText
    public var declarationType: DeclarationType
    /// The event at which it was issued.
    public var issuedAt: String
    public var citations: [Citation]
    /// Namings of the entity the citations leave out on purpose, each with its reason.
    public var uncitedMentions: [UncitedMention]?
    public var notes: [LocalizedText]?
    public var external: [ExternalFact]?
    public var interpretations: [Interpretation]?

    public enum DeclarationType: String, Sendable, Codable, Equatable, CaseIterable {
        case declaration
        case jointStatement = "joint-statement"
    }

    enum CodingKeys: String, CodingKey {
        case id, name, aliases, description, citations, notes, external, interpretations
        case uncitedMentions = "uncited_mentions"
        case declarationType = "declaration_type"
        case issuedAt = "issued_at"
    }

    public func references() -> [EntityReference] { [EntityReference(type: .events, id: issuedAt)] }
}
