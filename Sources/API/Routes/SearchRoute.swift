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
            ) { search($0) })
    }

    /// The page the query asks for, its hits straight to bytes when nothing reshapes them.
    private static func search(_ context: RouteContext) -> RouteResult {
        let catalog = context.catalog
        // The grammar requires `q`, so a request without one never reaches the handler.
        let results = catalog.store.searchIndex.results(context.query.q ?? "")
        let query = context.query
        guard query.filters.isEmpty, query.sort.isEmpty else {
            let (total, page) = selectRows(results, query, catalog: catalog)
            return .resource(
                CollectionEnvelope.resource(
                    rows: Array(page), total: total, query: query, path: context.path, catalog: catalog,
                    suggestions: suggestions(total: total, query, catalog: catalog)))
        }
        // Hits come ranked, so without a `type` filter or a `sort` the page is a slice and only its hits
        // are looked at (a search's cost is then its ranking, not the rows nobody sees).
        let start = min(query.offset, results.count)
        let hits = (start..<min(start + query.limit, results.count)).map { results.hit(at: $0) }
        let suggestions = suggestions(total: results.count, query, catalog: catalog)
        if query.lang == nil, query.fields == nil, query.include.isEmpty, !query.pretty {
            return .resource(
                CollectionEnvelope.resource(
                    writing: HitPage(hits: hits, catalog: catalog, offsets: query.offsets), count: hits.count,
                    total: results.count, query: query, path: context.path, catalog: catalog,
                    suggestions: suggestions))
        }
        let rows = hits.map { row(for: $0, catalog: catalog, offsets: query.offsets, keyed: false) }
        return .resource(
            CollectionEnvelope.resource(
                rows: rows, total: results.count, query: query, path: context.path, catalog: catalog,
                suggestions: suggestions))
    }

    /// "Did you mean" names when the search found nothing (nil otherwise).
    private static func suggestions(total: Int, _ query: CollectionQuery, catalog: Catalog) -> [JSONValue]? {
        guard total == 0 else { return nil }
        return catalog.store.searchIndex.suggestions(for: query.q ?? "").map {
            suggestion($0, catalog: catalog, lang: query.lang)
        }
    }

    /// The page of hits a `type` filter or a `sort` selects: every hit becomes a row, with the values they read.
    private static func selectRows(_ results: SearchResults, _ query: CollectionQuery, catalog: Catalog) -> (
        total: Int, page: ArraySlice<CollectionItem>
    ) {
        let rows = (0..<results.count).map {
            row(for: results.hit(at: $0), catalog: catalog, offsets: query.offsets, keyed: true)
        }
        return query.select(rows, rank: nil)
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
    private static func span<S: JSONObjectSink>(
        _ span: SearchHit.Span, in hit: SearchHit, _ units: UTF16Offsets?, into sink: inout S
    ) {
        let start = span.start - hit.snippetStart
        let end = span.end - hit.snippetStart
        sink.member(SearchHitKey.end, units?(end) ?? end)
        sink.member(SearchHitKey.start, units?(start) ?? start)
    }

    /// `snippet_start` in `offsets`' unit: a paragraph's snippet starts inside the paragraph, other snippets at 0.
    private static func snippetStart(_ hit: SearchHit, catalog: Catalog, offsets: OffsetUnit?) -> Int {
        guard offsets == .utf16, case .paragraph(let n) = hit.target,
            let units = catalog.paragraphOffsets[catalog.store.source.id], units.indices.contains(n - 1)
        else { return hit.snippetStart }
        return units[n - 1](hit.snippetStart)
    }

    /// One hit as a row; its offsets in `offsets`' unit. `keyed`: whether the row carries its filter values and sort
    /// keys (a `type` filter or a `sort` reads them; a plain page does not: two dictionaries per hit, about 2K
    /// instructions each).
    static func row(for hit: SearchHit, catalog: Catalog, offsets: OffsetUnit? = nil, keyed: Bool) -> CollectionItem {
        let representation = JSONTreeSink.object { write(hit, catalog: catalog, offsets: offsets, into: &$0) }
        let type = hitType(hit.target)
        return CollectionItem(
            ref: nil, representation: representation, filterValues: keyed ? ["type": [type]] : [:],
            sortKeys: keyed ? ["score": .number(Double(hit.score)), "type": .text(type)] : [:], citedIn: [],
            localizeNow: false)
    }

    /// A hit's `type`: its entity's kind, or `paragraphs`.
    static func hitType(_ target: SearchHit.Target) -> String {
        switch target {
        case .entity(let ref): return ref.type.rawValue
        case .paragraph: return "paragraphs"
        }
    }

    /// The one shape of a hit, as a tree (`row`) or straight to bytes (`HitPage`); its offsets in `offsets`' unit
    /// (converted here, against the text they index: search is computed per request). Members go in their keys'
    /// byte order, the order `JSONWriter` writes.
    static func write<S: JSONObjectSink>(_ hit: SearchHit, catalog: Catalog, offsets: OffsetUnit?, into s: inout S) {
        let units = offsets == .utf16 ? UTF16Offsets(hit.snippet) : nil
        let name: EncodedJSON?
        let id: EncodedJSON
        let href: EncodedJSON
        let type: EncodedJSON
        var paragraph: (number: Int, source: EncodedJSON)?
        switch hit.target {
        case .entity(let ref):
            let target = catalog.hitTargets.entity(ref)
            (name, id, href, type) = (target.name, target.id, target.href, target.type)
        case .paragraph(let n):
            let target = catalog.hitTargets.paragraph(n)
            (name, id, href, type) = (nil, target.id, target.href, catalog.hitTargets.paragraphType)
            paragraph = (n, catalog.hitTargets.source)
        }
        s.member(SearchHitKey.field, hit.field.rawValue)
        s.member(SearchHitKey.href, encoded: href)
        s.member(SearchHitKey.id, encoded: id)
        s.member(SearchHitKey.language, hit.language)
        s.member(SearchHitKey.match) {
            span(hit.matches.first ?? SearchHit.Span(start: 0, end: 0), in: hit, units, into: &$0)
        }
        s.member(SearchHitKey.matches, objects: hit.matches) { span($0, in: hit, units, into: &$1) }
        if let name { s.member(SearchHitKey.name, encoded: name) }  // {"ar": …, "en": …}
        if let paragraph { s.member(SearchHitKey.paragraph, paragraph.number) }
        s.member(SearchHitKey.score, hit.score)
        s.member(SearchHitKey.snippet, hit.snippet)
        s.member(SearchHitKey.snippetStart, snippetStart(hit, catalog: catalog, offsets: offsets))
        if let paragraph { s.member(SearchHitKey.source, encoded: paragraph.source) }
        s.member(SearchHitKey.type, encoded: type)
    }
}
