public struct Visit: Entity, Decodable, Equatable {
    public static let kind = EntityKind.visits
    public var id: String
    public var name: LocalizedText
    public var aliases: LocalizedList
    public var description: LocalizedText
    public var visitor: String
    /// The visitor's title as the text gives it.
    public var visitorTitle: LocalizedText
    public var visitorCountry: String
    public var hostCountry: String
    public var city: String
    /// When, in the text's words (it gives no dates for the visits).
    public var timing: LocalizedText?
    public var afterEvent: String?
    /// What the text says makes the visit notable.
    public var notable: LocalizedText
    public var citations: [Citation]
    /// Namings of the entity the citations leave out on purpose, each with its reason.
    public var uncitedMentions: [UncitedMention]?
    public var notes: [LocalizedText]?
    public var external: [ExternalFact]?
    public var interpretations: [Interpretation]?

    enum CodingKeys: String, CodingKey {
        case id, name, aliases, description, visitor, city, timing, notable, citations, notes, external, interpretations
        case uncitedMentions = "uncited_mentions"
        case visitorTitle = "visitor_title"
        case visitorCountry = "visitor_country"
        case hostCountry = "host_country"
        case afterEvent = "after_event"
    }

    public func references() -> [EntityReference] {
        [
            EntityReference(type: .people, id: visitor),
            EntityReference(type: .countries, id: visitorCountry),
            EntityReference(type: .countries, id: hostCountry),
            EntityReference(type: .places, id: city),
        ] + (afterEvent.map { [EntityReference(type: .events, id: $0)] } ?? [])
    }
}
