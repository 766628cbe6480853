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
