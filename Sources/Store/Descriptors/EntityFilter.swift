/// A named filter of a collection (`?visitor_country=qa`): which values it accepts and which values a row has.
/// Comma lists in one filter mean OR; different filters mean AND (the API's CollectionQuery).
struct EntityFilter<E: Entity>: Sendable {
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
