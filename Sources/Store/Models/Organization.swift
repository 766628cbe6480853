public struct Organization: Entity, Decodable, Equatable {
    public static let kind = EntityKind.organizations
    public var id: String
    public var name: LocalizedText
    public var aliases: LocalizedList
    public var description: LocalizedText
    public var acronym: String
    public var citations: [Citation]
    /// Namings of the entity the citations leave out on purpose, each with its reason.
    public var uncitedMentions: [UncitedMention]?
    public var notes: [LocalizedText]?
    public var external: [ExternalFact]?
    public var interpretations: [Interpretation]?

    enum CodingKeys: String, CodingKey {
        case id, name, aliases, description, acronym, citations, notes, external, interpretations
        case uncitedMentions = "uncited_mentions"
    }

    public func references() -> [EntityReference] { [] }
}
