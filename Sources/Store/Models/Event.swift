public struct Event: Entity, Decodable, Equatable {
    public static let kind = EntityKind.events
    public var id: String
    public var name: LocalizedText
    public var aliases: LocalizedList
    public var description: LocalizedText
    public var eventType: EventType
    /// Only as precise as the text gives it; a more precise date goes in `external`.
    public var date: EventDate?
    public var place: String?
    public var participants: [Participant]
    public var outcomes: [Outcome]
    public var citations: [Citation]
    /// Namings of the entity the citations leave out on purpose, each with its reason.
    public var uncitedMentions: [UncitedMention]?
    public var notes: [LocalizedText]?
    public var external: [ExternalFact]?
    public var interpretations: [Interpretation]?

    enum CodingKeys: String, CodingKey {
        case id, name, aliases, description, date, place, participants, outcomes, citations, notes, external,
            interpretations
        case uncitedMentions = "uncited_mentions"
        case eventType = "event_type"
    }

    public enum EventType: String, Sendable, Codable, Equatable, CaseIterable {
        case summit, dissolution, independence, conflict, founding
    }

    public func references() -> [EntityReference] {
        (place.map { [EntityReference(type: .places, id: $0)] } ?? [])
            + participants.map(\.participant)
            + outcomes.compactMap(\.result)
    }

    public func nestedCitations() -> [Citation] {
        participants.flatMap(\.citations) + outcomes.flatMap(\.citations)
    }
}

/// An ISO 8601 calendar date truncated to the text's precision: `2002-06` with precision `month`.
public struct EventDate: Sendable, Codable, Equatable {
    public var value: String
    public var precision: Precision

    public enum Precision: String, Sendable, Codable, Equatable, CaseIterable { case year, month, day }
}

public struct Participant: Sendable, Codable, Equatable {
    public var participant: EntityReference
    public var role: LocalizedText?
    public var citations: [Citation]
}

public struct Outcome: Sendable, Codable, Equatable {
    public var summary: LocalizedText
    /// The entity the outcome is, when the dataset has one (a declaration, an initiative, a fact).
    public var result: EntityReference?
    public var citations: [Citation]
}
