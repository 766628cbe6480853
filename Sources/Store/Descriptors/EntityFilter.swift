/// A named filter of a collection (`?visitor_country=qa`): which values it accepts and which values a row has.
/// Comma lists in one filter mean OR; different filters mean AND (the API's CollectionQuery).
public struct EntityFilter<E: Entity>: Sendable {
    let name: String
    let summary: String
    let values: FilterValues
    let extract: @Sendable (E, Store) -> [String]

    init(_ name: String, _ summary: String, _ values: FilterValues, extract: @escaping @Sendable (E, Store) -> [String])
    {
        self.name = name
        self.summary = summary
        self.values = values
        self.extract = extract
    }
}

/// What a filter's values are.
public enum FilterValues: Sendable {
    /// Ids of one kind.
    case ids(EntityKind)
    /// Ids of any kind (a typed reference can point anywhere).
    case anyID
    case enumeration([String])
}

/// A filter of any kind, for code that handles every collection alike.
public struct AnyEntityFilter: Sendable {
    public let name: String
    public let summary: String
    public let values: FilterValues
    private let extractValues: @Sendable (any Entity, Store) -> [String]

    init<E: Entity>(_ filter: EntityFilter<E>) {
        name = filter.name
        summary = filter.summary
        values = filter.values
        // The one downcast: the store fills each kind's table with that kind's model (`EntityKind.entityType`),
        // so a row of this filter's collection is always an `E`.
        extractValues = { entity, store in (entity as? E).map { filter.extract($0, store) } ?? [] }
    }

    /// The values `entity` has for this filter.
    public func values(of entity: any Entity, in store: Store) -> [String] { extractValues(entity, store) }
}
