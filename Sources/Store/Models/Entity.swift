/// What every entity of every kind has. Conforming types are the typed rows of one collection.
public protocol Entity: Sendable, Codable {
    static var kind: EntityKind { get }
    /// The kind's fields and filters (`Descriptors/<Model>+Descriptor.swift`).
    static var descriptor: EntityDescriptor<Self> { get }
    var id: String { get }
    var name: LocalizedText { get }
    var aliases: LocalizedList { get }
    var description: LocalizedText { get }
    var citations: [Citation] { get }
    /// Namings of the entity in the text that its citations leave out on purpose, each with its reason.
    var uncitedMentions: [UncitedMention]? { get }
    var notes: [LocalizedText]? { get }
    var external: [ExternalFact]? { get }
    var interpretations: [Interpretation]? { get }
    /// The typed relations this entity points at (outgoing edges), in field order.
    func references() -> [EntityReference]
    /// Citations of the entity and of its nested relations (memberships, roles, participants, …).
    func nestedCitations() -> [Citation]
}

extension Entity {
    public var kind: EntityKind { Self.kind }
    public var reference: EntityReference { EntityReference(type: Self.kind, id: id) }
    public func nestedCitations() -> [Citation] { [] }

    /// Every citation that points into the text on behalf of this entity, in data order.
    public func allCitations() -> [Citation] {
        citations + nestedCitations() + (interpretations ?? []).flatMap(\.citations)
    }
}
