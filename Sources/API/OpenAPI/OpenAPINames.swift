import Store

/// Component names per entity kind. The switch is exhaustive, so a new kind cannot go unnamed.
enum OpenAPINames {
    static func entity(_ kind: EntityKind) -> String {
        switch kind {
        case .countries: "Country"
        case .organizations: "Organization"
        case .visits: "Visit"
        case .initiatives: "Initiative"
        case .people: "Person"
        case .places: "Place"
        case .events: "Event"
        case .declarations: "Declaration"
        case .facts: "Fact"
        }
    }

    static func collection(_ kind: EntityKind) -> String { entity(kind) + "Collection" }
    static func resource(_ kind: EntityKind) -> String { entity(kind) + "Resource" }
}
