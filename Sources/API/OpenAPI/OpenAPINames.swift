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

    /// `member_of` or `member-of` → `MemberOf`: a snake or kebab name as the tail of a camelCase identifier.
    static func camel(_ name: String) -> String {
        name.split(whereSeparator: { $0 == "_" || $0 == "-" || $0 == "." }).map {
            $0.prefix(1).uppercased() + $0.dropFirst()
        }
        .joined()
    }
}
