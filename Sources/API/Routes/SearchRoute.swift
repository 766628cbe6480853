import JSON
import Store

/// `/search?q=…&type=…`: ranked hits across every kind and the source text, Arabic-aware (the store's normalizer
/// and index), each with the entity's name, the matched snippet in the original text and every match's offsets for
/// highlighting; a search that finds nothing suggests the closest names.
enum SearchRoute {
    static let hitTypes = EntityKind.allCases.map(\.rawValue) + ["paragraphs"]

    static func grammar() -> CollectionGrammar {
        var g = CollectionGrammar()
        g.filters = [
            CollectionGrammar.Filter(
                name: "type", summary: "hits of these types", allowed: hitTypes, vocabulary: .closed)
        ]
        g.sortFields = ["score", "type"]
        g.fieldNames = [
            "field", "href", "id", "language", "match", "match.end", "match.start", "matches", "name",
            "name.ar", "name.en", "paragraph", "score", "snippet", "snippet_start", "source", "type",
        ]
        g.supportsCitedIn = false
        g.requiresQ = true
        g.givesOffsets = true  // snippet_start, match, matches
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
                let results = catalog.store.searchIndex.results(context.query.q ?? "")
                let (total, page) = select(results, context.query, catalog: catalog)
                let suggestions =
                    total == 0
                    ? catalog.store.searchIndex.suggestions(for: context.query.q ?? "").map {
                        suggestion($0, catalog: catalog, lang: context.query.lang)
                    } : nil
                return .resource(
                    CollectionEnvelope.resource(
                        rows: Array(page), total: total, query: context.query, path: context.path, catalog: catalog,
                        suggestions: suggestions))
            })
    }

    /// The page of hits the query asks for. Hits come ranked, so without a `type` filter or a `sort` the page is a
    /// slice and only its rows are built (a search's cost is then its ranking, not the rows nobody sees).
    private static func select(_ results: SearchResults, _ query: CollectionQuery, catalog: Catalog) -> (
        total: Int, page: ArraySlice<CollectionItem>
    ) {
        guard query.filters.isEmpty, query.sort.isEmpty else {
            let rows = (0..<results.count).map {
                row(for: results.hit(at: $0), catalog: catalog, offsets: query.offsets)
            }
            return query.select(rows, rank: nil)
        }
        let start = min(query.offset, results.count)
        let end = min(start + query.limit, results.count)
        return (
            results.count,
            (start..<end).map { row(for: results.hit(at: $0), catalog: catalog, offsets: query.offsets) }[...]
        )
    }

    /// "Did you mean": an entity close to what was typed, with its name.
    static func suggestion(_ ref: EntityReference, catalog: Catalog, lang: CollectionQuery.Language?) -> JSONValue {
        let name = catalog.store.entity(ref)?.name ?? LocalizedText(ar: ref.id, en: ref.id)
        let value: JSONValue = .object([
            (key: "type", value: .string(ref.type.rawValue)), (key: "id", value: .string(ref.id)),
            (key: "href", value: .string(catalog.links.entity(ref))), (key: "name", value: localized(name)),
        ])
        return lang.map { Localizer.localize(value, to: $0) } ?? value
    }

    private static func localized(_ text: LocalizedText) -> JSONValue {
        .object([(key: "ar", value: .string(text.ar)), (key: "en", value: .string(text.en))])
    }

    /// Offsets relative to the snippet: what a client highlights in what it shows; `units` converts them into the
    /// snippet's UTF-16 units.
    private static func span(_ span: SearchHit.Span, in hit: SearchHit, _ units: UTF16Offsets?) -> JSONValue {
        let start = span.start - hit.snippetStart
        let end = span.end - hit.snippetStart
        return .object([
            (key: "end", value: .integer(units?(end) ?? end)),
            (key: "start", value: .integer(units?(start) ?? start)),
        ])
    }

    /// `snippet_start` in `offsets`' unit: a paragraph's snippet starts inside the paragraph, other snippets at 0.
    private static func snippetStart(_ hit: SearchHit, catalog: Catalog, offsets: OffsetUnit?) -> Int {
        guard offsets == .utf16, case .paragraph(let n) = hit.target,
            let units = catalog.paragraphOffsets[catalog.store.source.id], units.indices.contains(n - 1)
        else { return hit.snippetStart }
        return units[n - 1](hit.snippetStart)
    }

    /// One hit as a row; its offsets in `offsets`' unit (converted here, against the text they index: search is
    /// computed per request). The members are written in the order of their keys' bytes, the order `JSONWriter`
    /// writes them in, so a page of hits is written without sorting a single object.
    static func row(for hit: SearchHit, catalog: Catalog, offsets: OffsetUnit? = nil) -> CollectionItem {
        let units = offsets == .utf16 ? UTF16Offsets(hit.snippet) : nil
        let type: String
        let name: LocalizedText?
        let id: String
        let href: String
        var paragraph: [(key: String, value: JSONValue)] = []
        var source: [(key: String, value: JSONValue)] = []
        switch hit.target {
        case .entity(let ref):
            type = ref.type.rawValue
            name = catalog.store.entity(ref)?.name
            id = ref.id
            href = catalog.links.entity(ref)
        case .paragraph(let n):
            type = "paragraphs"
            name = nil
            let sourceID = catalog.store.source.id
            id = "\(n)"
            href = catalog.links.paragraph(sourceID, n)
            paragraph = [(key: "paragraph", value: .integer(n))]
            source = [(key: "source", value: .string(sourceID))]
        }
        var members: [(key: String, value: JSONValue)] = [
            (key: "field", value: .string(hit.field.rawValue)),
            (key: "href", value: .string(href)),
            (key: "id", value: .string(id)),
            (key: "language", value: .string(hit.language)),
            (key: "match", value: span(hit.matches.first ?? SearchHit.Span(start: 0, end: 0), in: hit, units)),
            (key: "matches", value: .array(hit.matches.map { span($0, in: hit, units) })),
        ]
        if let name { members.append((key: "name", value: localized(name))) }
        members += paragraph
        members += [
            (key: "score", value: .integer(hit.score)),
            (key: "snippet", value: .string(hit.snippet)),
            (key: "snippet_start", value: .integer(snippetStart(hit, catalog: catalog, offsets: offsets))),
        ]
        members += source
        members.append((key: "type", value: .string(type)))
        return CollectionItem(
            ref: nil, representation: .object(members), filterValues: ["type": [type]],
            sortKeys: ["score": .number(Double(hit.score)), "type": .text(type)], citedIn: [], localizeNow: false)
    }
}
