import JSON
import Store

/// `/{kind}`, `/{kind}/{id}` and `/{kind}/{id}/{relation}` for the nine kinds.
enum EntityRoutes {
    static func register(in router: inout Router, catalog: Catalog) {
        for kind in EntityKind.allCases {
            router.get("/\(kind.rawValue)") { collection(kind, $0) }
            router.get("/\(kind.rawValue)/{id}") { entity(kind, $0) }
            for relation in catalog.relationNames[kind] ?? [] {
                router.get("/\(kind.rawValue)/{id}/\(relation.name)") {
                    subCollection(kind, relation.name, relation.kind, $0)
                }
            }
        }
    }

    static func collection(_ kind: EntityKind, _ context: RouteContext) -> RouteResult {
        let catalog = context.catalog
        let grammar = catalog.grammars[kind] ?? CollectionGrammar()
        return page(of: catalog.items[kind] ?? [], kind: kind, grammar: grammar, context)
    }

    static func entity(_ kind: EntityKind, _ context: RouteContext) -> RouteResult {
        let catalog = context.catalog
        switch resolve(kind, context) {
        case .redirect(let location): return .redirect(location: location)
        case .notFound(let problem): return .problem(problem)
        case .found(let ref):
            guard let row = catalog.itemsByRef[ref] else {
                return .problem(.notFound("No \(kind.rawValue) with id '\(ref.id)'."))
            }
            let grammar = (catalog.grammars[kind] ?? CollectionGrammar()).single
            switch CollectionQuery.parse(
                context.query, grammar: grammar, paragraphCount: catalog.store.source.paragraphCount)
            {
            case .failure(let errors): return .problem(.invalid(errors))
            case .success(let query):
                let body: JSONValue = .object([
                    (key: "data", value: query.render(row, catalog: catalog)),
                    (
                        key: "links",
                        value: .object([
                            (key: "self", value: .string(catalog.links.entity(ref))),
                            (key: "collection", value: .string(catalog.links.collection(kind))),
                        ])
                    ),
                ])
                return .resource(Resource(body: body, pretty: query.pretty, contentLanguage: query.contentLanguage))
            }
        }
    }

    static func subCollection(_ kind: EntityKind, _ name: String, _ target: EntityKind, _ context: RouteContext)
        -> RouteResult
    {
        let catalog = context.catalog
        switch resolve(kind, context) {
        case .redirect(let location): return .redirect(location: location)
        case .notFound(let problem): return .problem(problem)  // an unknown parent is 404, never an empty list
        case .found(let ref):
            let rows = catalog.relatedItems(ref, name) ?? []
            return page(of: rows, kind: target, grammar: catalog.grammars[target] ?? CollectionGrammar(), context)
        }
    }

    /// One page of rows of `kind`, shaped by the query.
    static func page(of rows: [CollectionItem], kind: EntityKind, grammar: CollectionGrammar, _ context: RouteContext)
        -> RouteResult
    {
        let catalog = context.catalog
        switch CollectionQuery.parse(
            context.query, grammar: grammar, paragraphCount: catalog.store.source.paragraphCount)
        {
        case .failure(let errors):
            return .problem(.invalid(errors))
        case .success(let query):
            var rank: ((CollectionItem) -> Int?)?
            if let q = query.q {
                var positions: [EntityReference: Int] = [:]
                for (i, hit) in catalog.store.searchIndex.search(
                    q, kinds: [kind], includeParagraphs: false, limit: 10_000
                ).enumerated() {
                    if case .entity(let ref) = hit.target, positions[ref] == nil { positions[ref] = i }
                }
                rank = { row in row.ref.flatMap { positions[$0] } }
            }
            let (total, page) = query.select(rows, rank: rank)
            return .resource(
                CollectionEnvelope.resource(
                    rows: Array(page), total: total, query: query, path: context.path, catalog: catalog))
        }
    }

    enum Resolution {
        case found(EntityReference)
        case redirect(String)
        case notFound(ProblemDetails)
    }

    /// The `{id}` of the path: as is; else, for another letter case or a country's alpha-3 code, a 301 to the
    /// canonical URL (keeping the rest of the path and the query); else 404.
    static func resolve(_ kind: EntityKind, _ context: RouteContext) -> Resolution {
        let catalog = context.catalog
        let id = context.parameters["id"] ?? ""
        if catalog.itemsByRef[EntityReference(type: kind, id: id)] != nil {
            return .found(EntityReference(type: kind, id: id))
        }
        var canonical: String?
        if catalog.itemsByRef[EntityReference(type: kind, id: id.lowercased())] != nil {
            canonical = id.lowercased()
        } else if kind == .countries {
            canonical = catalog.countryByAlpha3[id.uppercased()]
        }
        guard let canonical else { return .notFound(.notFound("No \(kind.rawValue) with id '\(id)'.")) }
        let segments = context.path.split(separator: "/", omittingEmptySubsequences: false)
        let rest = segments.count > 3 ? "/" + segments[3...].joined(separator: "/") : ""
        var location = catalog.links.entity(kind, canonical) + rest
        if let query = context.request.query { location += "?" + query }
        return .redirect(location)
    }
}
