public struct Organization: Entity, Decodable, Equatable {
    public static let kind = EntityKind.organizations
    public var id: String
    public var name: LocalizedText
    public var aliases: LocalizedList
    public var description: LocalizedText
    public var acronym: String
    public var citations: [Citation]
    public var notes: [LocalizedText]?
    public var external: [ExternalFact]?
    public var interpretations: [Interpretation]?

    public func references() -> [EntityReference] { [] }
}
