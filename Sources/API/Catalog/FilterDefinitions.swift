import Store

/// The named filters of each collection: what a value means and which values a row has.
/// Comma lists in one filter mean OR; different filters mean AND (see CollectionQuery).
struct FilterDefinition: Sendable {
    enum Values: Sendable {
        /// Ids of one kind.
        case ids(EntityKind)
        /// Ids of any kind (a typed reference can point anywhere).
        case anyID
        case enumeration([String])
    }

    let name: String
    let summary: String
    let values: Values
    let extract: @Sendable (any Entity, Store) -> [String]

    static func definitions(for kind: EntityKind) -> [FilterDefinition] {
        switch kind {
        case .countries:
            [
                FilterDefinition(name: "member", summary: "member of these organizations", values: .ids(.organizations))
                { e, _ in
                    (e as? Country)?.memberships.map(\.organization) ?? []
                },
                FilterDefinition(
                    name: "status", summary: "current or former state",
                    values: .enumeration(Country.Status.allCases.map(\.rawValue))
                ) { e, _ in
                    [(e as? Country)?.status.rawValue].compactMap { $0 }
                },
            ]
        case .organizations:
            [
                FilterDefinition(
                    name: "member", summary: "organizations these countries belong to", values: .ids(.countries)
                ) { e, store in
                    store.members(of: e.id).map(\.id)
                }
            ]
        case .visits:
            [
                FilterDefinition(name: "visitor", summary: "visits by these people", values: .ids(.people)) { e, _ in
                    [(e as? Visit)?.visitor].compactMap { $0 }
                },
                FilterDefinition(
                    name: "visitor_country", summary: "visitors from these countries", values: .ids(.countries)
                ) { e, _ in [(e as? Visit)?.visitorCountry].compactMap { $0 } },
                FilterDefinition(name: "host", summary: "visits hosted by these countries", values: .ids(.countries)) {
                    e, _ in [(e as? Visit)?.hostCountry].compactMap { $0 }
                },
                FilterDefinition(name: "city", summary: "visits to these cities", values: .ids(.places)) { e, _ in
                    [(e as? Visit)?.city].compactMap { $0 }
                },
            ]
        case .initiatives:
            [
                FilterDefinition(name: "proposer", summary: "initiatives proposed by these entities", values: .anyID) {
                    e, _ in [(e as? Initiative)?.proposer.id].compactMap { $0 }
                },
                FilterDefinition(name: "related", summary: "initiatives related to these entities", values: .anyID) {
                    e, _ in (e as? Initiative)?.related.map(\.id) ?? []
                },
            ]
        case .people:
            [
                FilterDefinition(name: "country", summary: "people of these countries", values: .ids(.countries)) {
                    e, _ in [(e as? Person)?.country].compactMap { $0 }
                }
            ]
        case .places:
            [
                FilterDefinition(
                    name: "place_type", summary: "places of these types",
                    values: .enumeration(Place.PlaceType.allCases.map(\.rawValue))
                ) { e, _ in
                    [(e as? Place)?.placeType.rawValue].compactMap { $0 }
                },
                FilterDefinition(name: "country", summary: "places in these countries", values: .ids(.countries)) {
                    e, _ in (e as? Place)?.countries ?? []
                },
            ]
        case .events:
            [
                FilterDefinition(
                    name: "event_type", summary: "events of these types",
                    values: .enumeration(Event.EventType.allCases.map(\.rawValue))
                ) { e, _ in
                    [(e as? Event)?.eventType.rawValue].compactMap { $0 }
                },
                FilterDefinition(name: "place", summary: "events held in these places", values: .ids(.places)) { e, _ in
                    [(e as? Event)?.place].compactMap { $0 }
                },
                FilterDefinition(name: "participant", summary: "events these entities took part in", values: .anyID) {
                    e, _ in
                    (e as? Event)?.participants.map(\.participant.id) ?? []
                },
            ]
        case .declarations:
            [
                FilterDefinition(
                    name: "declaration_type", summary: "declarations of these types",
                    values: .enumeration(Declaration.DeclarationType.allCases.map(\.rawValue))
                ) { e, _ in
                    [(e as? Declaration)?.declarationType.rawValue].compactMap { $0 }
                },
                FilterDefinition(name: "event", summary: "declarations issued at these events", values: .ids(.events)) {
                    e, _ in [(e as? Declaration)?.issuedAt].compactMap { $0 }
                },
            ]
        case .facts:
            [
                FilterDefinition(
                    name: "category", summary: "facts in these categories",
                    values: .enumeration(Fact.Category.allCases.map(\.rawValue))
                ) { e, _ in
                    [(e as? Fact)?.category.rawValue].compactMap { $0 }
                },
                FilterDefinition(name: "subject", summary: "facts about these entities", values: .anyID) { e, _ in
                    [(e as? Fact)?.subject.id].compactMap { $0 }
                },
                FilterDefinition(name: "related", summary: "facts related to these entities", values: .anyID) { e, _ in
                    (e as? Fact)?.related.map(\.id) ?? []
                },
            ]
        }
    }
}
