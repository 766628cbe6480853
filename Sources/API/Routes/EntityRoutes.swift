import JSON
import Store

/// `/{kind}`, `/{kind}/{id}` and `/{kind}/{id}/{relation}` for every kind.
enum EntityRoutes {
    static func register(in router: inout Router<RouteDefinition>, catalog: Catalog) {
        for kind in EntityKind.allCases {
            let grammar = catalog.grammars[kind] ?? CollectionGrammar()
            router.add(
                RouteDefinition(
                    "/\(kind.rawValue)", kind: .collection(kind), grammar: grammar, summary: "List \(kind.rawValue)",
                    tag: kind.rawValue
                ) { context in
                    page(of: context.catalog.items[kind] ?? [], kind: kind, context)
                })
            router.add(
                RouteDefinition(
                    "/\(kind.rawValue)/{id}", kind: .entity(kind), grammar: grammar.single,
                    summary: "One of the \(kind.rawValue)", tag: kind.rawValue, locate: { locate(kind, $0) }
                ) { context in
                    entity(kind, context)
                })
            for relation in catalog.relationNames[kind] ?? [] {
                router.add(
                    RouteDefinition(
                        "/\(kind.rawValue)/{id}/\(relation.name)",
                        kind: .relation(kind, name: relation.name, target: relation.kind),
                        grammar: catalog.grammars[relation.kind] ?? CollectionGrammar(),
                        summary: "The \(relation.name) related to one of the \(kind.rawValue)", tag: kind.rawValue,
                        locate: { locate(kind, $0) }
                    ) { context in
                        let rows = context.catalog.relatedItems(reference(kind, context), relation.name) ?? []
                        return page(of: rows, kind: relation.kind, context)
                    })
            }
        }
    }

    /// The entity the path names; `locate` has already answered for any id that is not canonical.
    private static func reference(_ kind: EntityKind, _ context: RouteContext) -> EntityReference {
        EntityReference(type: kind, id: context.parameters["id"] ?? "")
    }

    static func entity(_ kind: EntityKind, _ context: RouteContext) -> RouteResult {
        let catalog = context.catalog
        let ref = reference(kind, context)
        guard let row = catalog.itemsByRef[ref] else {
            return .problem(.notFound("No \(kind.rawValue) with id '\(ref.id)'."))
        }
        let links: JSONValue = .object([
            (key: "self", value: .string(catalog.links.entity(ref))),
            (key: "collection", value: .string(catalog.links.collection(kind))),
        ])
        let query = context.query
        let body = single(row, links: links, query: query, catalog: catalog)
        return .resource(Resource(body: body, pretty: query.pretty, contentLanguage: query.contentLanguage))
    }

    /// `{"data": {...}, "included": [...], "links": {...}}`: one resource, shaped like a collection's items, with
    /// the same top-level `included` when it includes related entities.
    static func single(_ row: CollectionItem, links: JSONValue, query: CollectionQuery, catalog: Catalog) -> JSONValue {
        let (data, included) = query.render([row], catalog: catalog)
        var members: [(key: String, value: JSONValue)] = [(key: "data", value: data.first ?? .null)]
        if let included { members.append((key: "included", value: .array(included))) }
        members.append((key: "links", value: links))
        return .object(members + query.singleMeta)
    }

    /// One page of rows of `kind`, shaped by the query; `q` keeps the hits, best first unless sorted.
    static func page(of rows: [CollectionItem], kind: EntityKind, _ context: RouteContext) -> RouteResult {
        let catalog = context.catalog
        let query = context.query
        var rank: ((CollectionItem) -> Int?)?
        if let q = query.q {
            var positions: [EntityReference: Int] = [:]
            let results = catalog.store.searchIndex.results(q, kinds: [kind], includeParagraphs: false)
            for i in 0..<results.count {
                if case .entity(let ref) = results.target(at: i), positions[ref] == nil { positions[ref] = i }
            }
            rank = { row in row.ref.flatMap { positions[$0] } }
        }
        let (total, page) = query.select(rows, rank: rank)
        return .resource(
            CollectionEnvelope.resource(
                rows: Array(page), total: total, query: query, path: context.path, catalog: catalog))
    }

    /// The `{id}` of the path: as is (nil: found); else, for another letter case or a country's alpha-3 code, a 301
    /// to the canonical URL (keeping the rest of the path and the query); else 404. An unknown parent of a
    /// sub-collection is a 404 too, never an empty list.
    static func locate(_ kind: EntityKind, _ match: PathMatch) -> RouteResult? {
        let catalog = match.catalog
        let id = match.parameters["id"] ?? ""
        if catalog.itemsByRef[EntityReference(type: kind, id: id)] != nil { return nil }
        var canonical: String?
        if catalog.itemsByRef[EntityReference(type: kind, id: id.lowercased())] != nil {
            canonical = id.lowercased()
        } else if kind == .countries {
            canonical = catalog.countryByAlpha3[id.uppercased()]
        }
        guard let canonical else { return .problem(.notFound("No \(kind.rawValue) with id '\(id)'.")) }
        let segments = match.path.split(separator: "/", omittingEmptySubsequences: false)
        let rest = segments.count > 3 ? "/" + segments[3...].joined(separator: "/") : ""
        var location = catalog.links.entity(kind, canonical) + rest
        if let query = match.request.query { location += "?" + query }
        return .redirect(location: location)
    }
}
