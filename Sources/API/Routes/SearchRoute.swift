import JSON
import Store

/// `/search?q=…&type=…`: ranked hits across every kind and the source text, Arabic-aware (the store's normalizer
/// and index), each with the matched snippet in the original text and the match's offsets for highlighting.
enum SearchRoute {
    static let hitTypes = EntityKind.allCases.map(\.rawValue) + ["paragraphs"]

    static func grammar() -> CollectionGrammar {
        var g = CollectionGrammar()
        g.filters = [CollectionGrammar.Filter(name: "type", summary: "hits of these types", allowed: hitTypes)]
        g.sortFields = ["score", "type"]
        g.fieldNames = [
            "field", "href", "id", "language", "match", "match.end", "match.start", "paragraph", "score", "snippet",
            "source", "type",
        ]
        g.supportsLang = false
        g.supportsCitedIn = false
        g.requiresQ = true
        return g
    }

    static func register(in router: inout Router<RouteDefinition>) {
        router.add(
            RouteDefinition(
                "/search", kind: .search, grammar: grammar(), caching: .cachedPerQuery,
                summary: "Ranked search across every kind and the source text (Arabic-aware)", tag: "search"
            ) { context in
                let catalog = context.catalog
                // The grammar requires `q`, so a request without one never reaches the handler.
                let hits = catalog.store.searchIndex.search(
                    context.query.q ?? "", kinds: nil, includeParagraphs: true, limit: 10_000)
                let rows = hits.map { row(for: $0, catalog: catalog) }
                let (total, page) = context.query.select(rows, rank: nil)
                return .resource(
                    CollectionEnvelope.resource(
                        rows: Array(page), total: total, query: context.query, path: context.path, catalog: catalog))
            })
    }

    static func row(for hit: SearchHit, catalog: Catalog) -> CollectionItem {
        var members: [(key: String, value: JSONValue)]
        let type: String
        switch hit.target {
        case .entity(let ref):
            type = ref.type.rawValue
            members = [(key: "id", value: .string(ref.id)), (key: "href", value: .string(catalog.links.entity(ref)))]
        case .paragraph(let n):
            type = "paragraphs"
            let source = catalog.store.source.id
            members = [
                (key: "id", value: .string("\(n)")), (key: "paragraph", value: .integer(n)),
                (key: "source", value: .string(source)),
                (key: "href", value: .string(catalog.links.paragraph(source, n))),
            ]
        }
        members += [
            (key: "type", value: .string(type)),
            (key: "score", value: .integer(hit.score)),
            (key: "field", value: .string(hit.field.rawValue)),
            (key: "language", value: .string(hit.language)),
            (key: "snippet", value: .string(hit.snippet)),
            (
                key: "match",
                value: .object([
                    (key: "start", value: .integer(hit.matchStart)), (key: "end", value: .integer(hit.matchEnd)),
                ])
            ),
        ]
        return CollectionItem(
            ref: nil, representation: .object(members), filterValues: ["type": [type]],
            sortKeys: ["score": .number(Double(hit.score)), "type": .text(type)], name: nil, description: nil,
            citedIn: [])
    }
}
