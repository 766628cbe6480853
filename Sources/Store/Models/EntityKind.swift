/// The nine collections of the dataset. The raw value is the collection name: the data file's
/// stem (`data/<rawValue>.json`), the key inside it, and the `type` of a typed reference.
public enum EntityKind: String, Sendable, CaseIterable, Codable, Comparable {
    case countries, organizations, visits, initiatives, people, places, events, declarations, facts

    /// Declaration order, so sorting by kind is stable and matches `allCases`.
    public var order: Int { EntityKind.allCases.firstIndex(of: self) ?? 0 }

    public static func < (lhs: EntityKind, rhs: EntityKind) -> Bool { lhs.order < rhs.order }
}
