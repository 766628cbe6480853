import JSON
import Store

/// The example requests of each path, answered through the router at startup. Each example records the request it
/// came from in `x-request` (the target, `GET` implied) and `summary`, so a test can re-issue it and compare bodies.
/// Requests use only fields the grammar accepts, and an example whose answer has another status is left out.
struct OpenAPIExamples {
    let runner: OpenAPIExampleRunner
    var catalog: Catalog { runner.catalog }

    /// `(name, summary, target)` for one path.
    func requests(for kind: RouteKind) -> [(name: String, summary: String, target: String)] {
        switch kind {
        case .index: return [("index", "The entry point", "/"), ("en", "The entry point in English", "/?lang=en")]
        case .health: return [("ok", "Alive", "/healthz")]
        case .readiness: return [("ready", "Ready", "/readyz")]
        case .openAPI, .metrics: return []
        case .search:
            guard let name = catalog.store.entities(of: Country.self).first?.name else { return [] }
            return [
                ("ar", "Search in Arabic", "/search?q=\(QueryEncoding.encode(name.ar))&limit=2"),
                ("en", "Search in English", "/search?q=\(QueryEncoding.encode(name.en))&limit=2"),
            ]
        case .collection(let kind):
            let grammar = catalog.grammars[kind] ?? CollectionGrammar()
            return [
                (
                    "both", "Names in Arabic and English",
                    "/\(kind.rawValue)?fields=\(fields(["name"], grammar))&limit=2"
                ),
                (
                    "ar", "Names and descriptions in Arabic",
                    "/\(kind.rawValue)?lang=ar&fields=\(fields(["name", "description"], grammar))&limit=2"
                ),
                (
                    "en", "Names and descriptions in English",
                    "/\(kind.rawValue)?lang=en&fields=\(fields(["name", "description"], grammar))&limit=2"
                ),
            ]
        case .entity(let kind):
            return entityRequests(kind)
        case .relation(let kind, let name, let target):
            // The first entity that has any, so the example is not an empty page.
            let parent = (catalog.items[kind] ?? []).compactMap(\.ref).first {
                !(catalog.relatedItems($0, name) ?? []).isEmpty
            }
            guard let parent else { return [] }
            let grammar = catalog.grammars[target] ?? CollectionGrammar()
            return [
                (
                    "names", "Names in Arabic and English",
                    "\(catalog.links.relation(parent, name).dropBase(catalog.links))?fields=\(fields(["name"], grammar))&limit=2"
                )
            ]
        case .sources:
            return [("all", "Every source", "/sources")]
        case .source:
            guard let id = catalog.store.sources.first?.id else { return [] }
            return [("first", "The primary source", catalog.links.source(id).dropBase(catalog.links))]
        case .paragraphs:
            guard let id = catalog.store.sources.first?.id else { return [] }
            return [
                (
                    "text", "The first two paragraphs' text",
                    "\(catalog.links.paragraphs(id).dropBase(catalog.links))?fields=number,text&limit=2"
                )
            ]
        case .paragraph:
            guard let id = catalog.store.sources.first?.id else { return [] }
            return [
                (
                    "first", "The first paragraph with its mentions",
                    catalog.links.paragraph(id, 1).dropBase(catalog.links)
                )
            ]
        }
    }

    /// One entity whole, in English, and as a compound document with its first relation.
    private func entityRequests(_ kind: EntityKind) -> [(name: String, summary: String, target: String)] {
        guard let id = catalog.items[kind]?.first?.ref?.id else { return [] }
        let path = catalog.links.entity(kind, id).dropBase(catalog.links)
        let grammar = catalog.grammars[kind] ?? CollectionGrammar()
        var requests = [
            ("full", "The whole representation (Arabic and English)", path),
            ("en", "In English only", "\(path)?lang=en&fields=\(fields(["name", "description"], grammar))"),
        ]
        // A compound document: the first relation's entities once in `included`, narrowed to their names.
        if let relation = catalog.relationNames[kind]?.first {
            let type = relation.kind.rawValue
            requests.append(
                (
                    "included", "With its \(relation.name), in English, names only",
                    "\(path)?include=\(relation.name)&lang=en&fields=name&\(QueryEncoding.encode("fields[\(type)]"))=name"
                ))
        }
        return requests
    }

    /// The `examples` map of one response: only requests answered with `status`.
    func examples(_ requests: [(name: String, summary: String, target: String)], status: Int) -> JSONValue? {
        let members: [(String, JSONValue)] = requests.compactMap { request in
            guard let answer = runner.respond(request.target), answer.status == status else { return nil }
            return (
                request.name,
                OpenAPIJSON.object([
                    "summary": .string("GET \(request.target) — \(request.summary)"),
                    "x-request": .string(request.target),
                    "value": answer.body,
                ])
            )
        }
        return members.isEmpty ? nil : OpenAPIJSON.object(members)
    }

    /// A bad request and a missing entity, as the server answers them.
    var badRequest: [(name: String, summary: String, target: String)] {
        guard let kind = EntityKind.allCases.first else { return [] }
        return [("invalid", "Two invalid parameters, with a suggestion", "/\(kind.rawValue)?limit=0&sort=nmae")]
    }

    var notFound: [(name: String, summary: String, target: String)] {
        guard let kind = EntityKind.allCases.first else { return [] }
        return [("missing", "An id that does not exist", "/\(kind.rawValue)/no-such-id")]
    }

    /// Only fields the grammar knows, comma-joined.
    private func fields(_ wanted: [String], _ grammar: CollectionGrammar) -> String {
        wanted.filter(grammar.fieldNames.contains).joined(separator: ",")
    }
}

extension String {
    /// The path of a link: links carry the public base URL when one is configured, requests do not.
    fileprivate func dropBase(_ links: LinkBuilder) -> String {
        links.base.isEmpty || !hasPrefix(links.base) ? self : String(dropFirst(links.base.count))
    }
}
