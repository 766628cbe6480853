public struct Initiative: Entity, Decodable, Equatable {
    public static let kind = EntityKind.initiatives
    public var id: String
    public var name: LocalizedText
    public var aliases: LocalizedList
    public var description: LocalizedText
    /// A person, a country, or an event (the 2002 summit's participants proposed the Asian NWFZ).
    public var proposer: EntityReference
    /// Related organizations, events, declarations, …
    public var related: [EntityReference]
    public var aims: LocalizedText
    public var citations: [Citation]
    /// Namings of the entity the citations leave out on purpose, each with its reason.
    public var uncitedMentions: [UncitedMention]?
    public var notes: [LocalizedText]?
    public var external: [ExternalFact]?
    public var interpretations: [Interpretation]?

    enum CodingKeys: String, CodingKey {
        case id, name, aliases, description, proposer, related, aims, citations, notes, external, interpretations
        case uncitedMentions = "uncited_mentions"
    }

    public func references() -> [EntityReference] { [proposer] + related }
}
