import Store

/// What a route serves, declared with it: the OpenAPI document's schemas, parameters and examples, and the
/// start-up precomputation (which ids fill `{id}`), follow from it rather than from the template's spelling.
enum RouteKind: Equatable, Sendable {
    case index, health, readiness, metrics, openAPI, search
    case collection(EntityKind)
    case entity(EntityKind)
    case relation(EntityKind, name: String, target: EntityKind)
    case sources, source, paragraphs, paragraph

    /// The values each `{parameter}` of the route's template takes, one dictionary per concrete path, for the
    /// start-up precomputation: `{id}` every id of the kind (or every source), `{n}` every paragraph number.
    func parameterValues(_ catalog: Catalog) -> [[String: String]] {
        switch self {
        case .index, .health, .readiness, .metrics, .openAPI, .search, .collection, .sources:
            return [[:]]
        case .entity(let kind), .relation(let kind, _, _):
            return (catalog.items[kind] ?? []).compactMap(\.ref?.id).map { ["id": $0] }
        case .source, .paragraphs:
            return catalog.store.sources.map { ["id": $0.id] }
        case .paragraph:
            let numbers = 1...max(1, catalog.store.source.paragraphCount)
            return catalog.store.sources.flatMap { source in numbers.map { ["id": source.id, "n": String($0)] } }
        }
    }
}
