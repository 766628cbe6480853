import JSON
import Store

/// `/sources`, `/sources/{id}`, `/sources/{id}/paragraphs`, `/sources/{id}/paragraphs/{n}`: the text itself.
enum SourceRoutes {
    static func register(in router: inout Router<RouteDefinition>, catalog: Catalog) {
        let sources = catalog.sourceCatalog
        router.add(
            RouteDefinition(
                "/sources", kind: .sources, grammar: sources.sourceGrammar, summary: "List the source documents",
                tag: "sources"
            ) { context in
                list(context.catalog.sourceCatalog.sources, rank: nil, context)
            })
        router.add(
            RouteDefinition(
                "/sources/{id}", kind: .source, grammar: sources.sourceGrammar.single, summary: "One source document",
                tag: "sources", locate: locateSource
            ) { context in
                let id = context.parameters["id"] ?? ""
                let row = context.catalog.sourceCatalog.sourcesByID[id]
                return single(row, collection: context.catalog.links.sources(), context)
            })
        router.add(
            RouteDefinition(
                "/sources/{id}/paragraphs", kind: .paragraphs, grammar: sources.paragraphGrammar,
                summary: "The paragraphs of a source, with every entity mention", tag: "sources", locate: locateSource
            ) { context in
                let rows = context.catalog.sourceCatalog.paragraphs[context.parameters["id"] ?? ""] ?? []
                return list(rows, rank: paragraphRank(context), context)
            })
        router.add(
            RouteDefinition(
                "/sources/{id}/paragraphs/{n}", kind: .paragraph, grammar: sources.paragraphGrammar.single,
                summary: "One paragraph of a source, with every entity mention", tag: "sources",
                locate: locateParagraph
            ) { context in
                let id = context.parameters["id"] ?? ""
                let rows = context.catalog.sourceCatalog.paragraphs[id] ?? []
                let n = CollectionQuery.integer(context.parameters["n"] ?? "") ?? 0
                let row = rows.indices.contains(n - 1) ? rows[n - 1] : nil
                return single(row, collection: context.catalog.links.paragraphs(id), context)
            })
    }

    /// 404 unless `{id}` names a source.
    private static func locateSource(_ match: PathMatch) -> RouteResult? {
        let id = match.parameters["id"] ?? ""
        guard match.catalog.sourceCatalog.sourcesByID[id] == nil else { return nil }
        return .problem(.notFound("No source with id '\(id)'."))
    }

    /// 404 unless `{id}` names a source and `{n}` one of its paragraphs, written plainly (`3`, not `03`).
    private static func locateParagraph(_ match: PathMatch) -> RouteResult? {
        if let missing = locateSource(match) { return missing }
        let id = match.parameters["id"] ?? ""
        let count = match.catalog.sourceCatalog.paragraphs[id]?.count ?? 0
        let text = match.parameters["n"] ?? ""
        guard let n = CollectionQuery.integer(text), n >= 1, n <= count, "\(n)" == text else {
            return .problem(.notFound("No paragraph '\(text)' in \(id): paragraphs are numbered 1 to \(count)."))
        }
        return nil
    }

    /// `q` over paragraphs ranks them by the store's search index (paragraph hits only), searched once per request.
    private static func paragraphRank(_ context: RouteContext) -> ((CollectionItem) -> Int?)? {
        guard let q = context.query.q else { return nil }
        var positions: [Int: Int] = [:]
        let results = context.catalog.store.searchIndex.results(q, kinds: [], includeParagraphs: true)
        for i in 0..<results.count {
            if case .paragraph(let n) = results.target(at: i), positions[n] == nil { positions[n] = i }
        }
        return { row in
            guard case .number(let n, _)? = row.representation["number"] else { return nil }
            return positions[Int(n)]
        }
    }

    static func list(_ rows: [CollectionItem], rank: ((CollectionItem) -> Int?)?, _ context: RouteContext)
        -> RouteResult
    {
        let (total, page) = context.query.select(rows, rank: rank)
        return .resource(
            CollectionEnvelope.resource(
                rows: Array(page), total: total, query: context.query, path: context.path, catalog: context.catalog))
    }

    /// One source or paragraph; `locate` has already answered 404 for any the path does not name.
    static func single(_ row: CollectionItem?, collection: String, _ context: RouteContext) -> RouteResult {
        guard let row else { return .problem(.notFound("No resource at \(context.path).")) }
        let links: JSONValue = .object([
            (key: "self", value: row.representation["href"] ?? .null),
            (key: "collection", value: .string(collection)),
        ])
        let body = EntityRoutes.single(row, links: links, query: context.query, catalog: context.catalog)
        // A source has its title in both languages, a paragraph its mentions' names: `ar, en`, or the audience `lang`
        // names (a paragraph's text stays Arabic).
        let query = context.query
        return .resource(Resource(body: body, pretty: query.pretty, contentLanguage: query.contentLanguage))
    }
}
