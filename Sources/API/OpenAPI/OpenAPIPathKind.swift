import Store

/// What a route template serves, recognised from its segments so the document follows the router: the grammar
/// its query obeys, the schema of its 200 body, its tag and the ways it can fail.
enum OpenAPIPathKind: Equatable {
    case index, health, readiness, metrics, openAPI, search
    case collection(EntityKind)
    case entity(EntityKind)
    case relation(EntityKind, name: String, target: EntityKind)
    case sources, source, paragraphs, paragraph
    /// A route this file does not know yet: documented with only what every route shares.
    case other

    init(template: String, catalog: Catalog) {
        let segments = template == "/" ? [] : template.split(separator: "/").map(String.init)
        switch segments {
        case []: self = .index
        case ["healthz"]: self = .health
        case ["readyz"]: self = .readiness
        case ["metrics"]: self = .metrics
        case ["openapi.json"]: self = .openAPI
        case ["search"]: self = .search
        case ["sources"]: self = .sources
        case ["sources", "{id}"]: self = .source
        case ["sources", "{id}", "paragraphs"]: self = .paragraphs
        case ["sources", "{id}", "paragraphs", "{n}"]: self = .paragraph
        default:
            guard let kind = segments.first.flatMap(EntityKind.init(rawValue:)) else {
                self = .other
                return
            }
            if segments.count == 1 {
                self = .collection(kind)
            } else if segments.count == 2, segments[1] == "{id}" {
                self = .entity(kind)
            } else if segments.count == 3, segments[1] == "{id}",
                let target = catalog.relationKind(of: kind, named: segments[2])
            {
                self = .relation(kind, name: segments[2], target: target)
            } else {
                self = .other
            }
        }
    }

    /// The grammar the route validates its query with — the same value the route handler uses.
    func grammar(_ catalog: Catalog) -> CollectionGrammar {
        switch self {
        case .index, .health, .readiness, .openAPI, .other: IndexRoute.bare
        case .metrics: CollectionGrammar.none
        case .search: SearchRoute.grammar()
        case .collection(let kind): catalog.grammars[kind] ?? CollectionGrammar()
        case .entity(let kind): (catalog.grammars[kind] ?? CollectionGrammar()).single
        case .relation(_, _, let target): catalog.grammars[target] ?? CollectionGrammar()
        case .sources: catalog.sourceCatalog.sourceGrammar
        case .source: catalog.sourceCatalog.sourceGrammar.single
        case .paragraphs: catalog.sourceCatalog.paragraphGrammar
        case .paragraph: catalog.sourceCatalog.paragraphGrammar.single
        }
    }

    var tag: String {
        switch self {
        case .index, .openAPI, .other: "service"
        case .health, .readiness, .metrics: "health"
        case .search: "search"
        case .collection(let kind), .entity(let kind), .relation(let kind, _, _): kind.rawValue
        case .sources, .source, .paragraphs, .paragraph: "sources"
        }
    }

    /// The component schema of the 200 body.
    var bodySchema: String? {
        switch self {
        case .index: "Index"
        case .health, .readiness: "Health"
        case .openAPI, .metrics, .other: nil
        case .search: "SearchHitCollection"
        case .collection(let kind), .relation(_, _, let kind): OpenAPINames.collection(kind)
        case .entity(let kind): OpenAPINames.resource(kind)
        case .sources: "SourceCollection"
        case .source: "SourceResource"
        case .paragraphs: "ParagraphCollection"
        case .paragraph: "ParagraphResource"
        }
    }

    var isCollection: Bool {
        switch self {
        case .search, .collection, .relation, .sources, .paragraphs: true
        default: false
        }
    }

    /// `/readyz` and `/healthz` are never cached, so they carry no validators and never answer 304.
    var isCacheable: Bool {
        switch self {
        case .health, .readiness, .metrics: false
        default: true
        }
    }

    /// Entity paths resolve another letter case (and, for countries, alpha-3) with a 301 to the canonical URL.
    var redirects: Bool {
        switch self {
        case .entity, .relation: true
        default: false
        }
    }

    var hasPathParameters: Bool {
        switch self {
        case .entity, .relation, .source, .paragraphs, .paragraph: true
        default: false
        }
    }

    var summary: String {
        switch self {
        case .index: "What this API is and where everything is"
        case .health: "Liveness: the process answers"
        case .readiness: "Readiness: the store is loaded and the replica is not shutting down"
        case .openAPI: "This OpenAPI document"
        case .metrics:
            "Prometheus metrics: requests by route and status, latency, connections, bytes, build and dataset"
        case .search: "Ranked search across every kind and the source text (Arabic-aware)"
        case .collection(let kind): "List \(kind.rawValue)"
        case .entity(let kind): "One of the \(kind.rawValue)"
        case .relation(let kind, let name, _): "The \(name) related to one of the \(kind.rawValue)"
        case .sources: "List the source documents"
        case .source: "One source document"
        case .paragraphs: "The paragraphs of a source, with every entity mention"
        case .paragraph: "One paragraph of a source, with every entity mention"
        case .other: "Undocumented route"
        }
    }

    /// The name prefix of the query parameters in `components.parameters`: the kind of the items listed.
    var scope: String {
        switch self {
        case .index, .health, .readiness, .metrics, .openAPI, .other: ""
        case .search: "search"
        case .collection(let kind), .entity(let kind), .relation(_, _, let kind): kind.rawValue
        case .sources, .source: "sources"
        case .paragraphs, .paragraph: "paragraphs"
        }
    }

    /// The name prefix of the path parameters: the kind the `{id}` names.
    var pathScope: String {
        switch self {
        case .entity(let kind), .relation(let kind, _, _): kind.rawValue
        case .source, .paragraphs, .paragraph: "sources"
        default: ""
        }
    }

    var operationStem: String {
        switch self {
        case .index: "index"
        case .health: "health"
        case .readiness: "readiness"
        case .openAPI: "openapi"
        case .metrics: "metrics"
        case .search: "search"
        case .collection(let kind): "list-\(kind.rawValue)"
        case .entity(let kind): "get-\(kind.rawValue)"
        case .relation(let kind, let name, _): "list-\(kind.rawValue)-\(name)"
        case .sources: "list-sources"
        case .source: "get-source"
        case .paragraphs: "list-paragraphs"
        case .paragraph: "get-paragraph"
        case .other: "other"
        }
    }
}

/// Component names per entity kind. The switch is exhaustive, so a new kind cannot go unnamed.
enum OpenAPINames {
    static func entity(_ kind: EntityKind) -> String {
        switch kind {
        case .countries: "Country"
        case .organizations: "Organization"
        case .visits: "Visit"
        case .initiatives: "Initiative"
        case .people: "Person"
        case .places: "Place"
        case .events: "Event"
        case .declarations: "Declaration"
        case .facts: "Fact"
        }
    }

    static func collection(_ kind: EntityKind) -> String { entity(kind) + "Collection" }
    static func resource(_ kind: EntityKind) -> String { entity(kind) + "Resource" }
}
