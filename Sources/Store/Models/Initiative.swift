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
    public var notes: [LocalizedText]?
    public var external: [ExternalFact]?
    public var interpretations: [Interpretation]?

    public func references() -> [EntityReference] { [proposer] + related }
}
