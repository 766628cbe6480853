import JSON
import Store

/// `/sources`, `/sources/{id}`, `/sources/{id}/paragraphs`, `/sources/{id}/paragraphs/{n}`: the text itself.
enum SourceRoutes {
    static func register(in router: inout Router) {
        router.get("/sources") { context in
            let sources = context.catalog.sourceCatalog
            return list(sources.sources, grammar: sources.sourceGrammar, rank: nil, context)
        }
        router.get("/sources/{id}") { context in
            guard let row = context.catalog.sourceCatalog.sourcesByID[context.parameters["id"] ?? ""] else {
                return .problem(.notFound("No source with id '\(context.parameters["id"] ?? "")'."))
            }
            return single(
                row, grammar: context.catalog.sourceCatalog.sourceGrammar, collection: context.catalog.links.sources(),
                context)
        }
        router.get("/sources/{id}/paragraphs") { context in
            let id = context.parameters["id"] ?? ""
            guard let rows = context.catalog.sourceCatalog.paragraphs[id] else {
                return .problem(.notFound("No source with id '\(id)'."))
            }
            return list(
                rows, grammar: context.catalog.sourceCatalog.paragraphGrammar, rank: paragraphRank(context), context)
        }
        router.get("/sources/{id}/paragraphs/{n}") { context in
            let id = context.parameters["id"] ?? ""
            guard let rows = context.catalog.sourceCatalog.paragraphs[id] else {
                return .problem(.notFound("No source with id '\(id)'."))
            }
            let text = context.parameters["n"] ?? ""
            guard let n = CollectionQuery.integer(text), n >= 1, n <= rows.count, "\(n)" == text else {
                return .problem(
                    .notFound("No paragraph '\(text)' in \(id): paragraphs are numbered 1 to \(rows.count)."))
            }
            return single(
                rows[n - 1], grammar: context.catalog.sourceCatalog.paragraphGrammar,
                collection: context.catalog.links.paragraphs(id), context)
        }
    }

    /// `q` over paragraphs ranks them by the store's search index (paragraph hits only), searched once per request.
    private static func paragraphRank(_ context: RouteContext) -> ((CollectionItem) -> Int?)? {
        guard let q = context.query.pairs.first(where: { $0.name == "q" })?.value.trimmingWhitespace(), !q.isEmpty
        else { return nil }
        var positions: [Int: Int] = [:]
        for (i, hit) in context.catalog.store.searchIndex.search(q, kinds: [], includeParagraphs: true, limit: 10_000)
            .enumerated()
        {
            if case .paragraph(let n) = hit.target, positions[n] == nil { positions[n] = i }
        }
        return { row in
            guard case .number(let n, _)? = row.representation["number"] else { return nil }
            return positions[Int(n)]
        }
    }

    static func list(
        _ rows: [CollectionItem], grammar: CollectionGrammar, rank: ((CollectionItem) -> Int?)?, _ context: RouteContext
    ) -> RouteResult {
        switch CollectionQuery.parse(
            context.query, grammar: grammar, paragraphCount: context.catalog.store.source.paragraphCount)
        {
        case .failure(let errors): return .problem(.invalid(errors))
        case .success(let query):
            let (total, page) = query.select(rows, rank: rank)
            return .resource(
                CollectionEnvelope.resource(
                    rows: Array(page), total: total, query: query, path: context.path, catalog: context.catalog))
        }
    }

    static func single(_ row: CollectionItem, grammar: CollectionGrammar, collection: String, _ context: RouteContext)
        -> RouteResult
    {
        switch CollectionQuery.parse(
            context.query, grammar: grammar.single, paragraphCount: context.catalog.store.source.paragraphCount)
        {
        case .failure(let errors): return .problem(.invalid(errors))
        case .success(let query):
            let body: JSONValue = .object([
                (key: "data", value: query.render(row, catalog: context.catalog)),
                (
                    key: "links",
                    value: .object([
                        (key: "self", value: row.representation["href"] ?? .null),
                        (key: "collection", value: .string(collection)),
                    ])
                ),
            ])
            // A source has its title in both languages; a paragraph is Arabic text only.
            let language = row.representation["type"]?.stringValue == "paragraphs" ? "ar" : "ar, en"
            return .resource(Resource(body: body, pretty: query.pretty, contentLanguage: language))
        }
    }
}
