/// How the OpenAPI document describes each kind of route: its body schema, its parameters' names, its operation id.
extension RouteKind {
    /// The component schema of the 200 body.
    var bodySchema: String? {
        switch self {
        case .index: "Index"
        case .health, .readiness: "Health"
        case .openAPI, .metrics: nil
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

    /// The name prefix of the query parameters in `components.parameters`: the kind of the items listed.
    var scope: String {
        switch self {
        case .index, .health, .readiness, .metrics, .openAPI: ""
        case .search: "search"
        case .collection(let kind), .entity(let kind), .relation(_, _, let kind): kind.rawValue
        case .sources, .source: "sources"
        case .paragraphs, .paragraph: "paragraphs"
        }
    }

    /// The name prefix of the path parameters: the kind the `{id}` names.
    /// (Prefixed `path.`: a collection's query may take an `id` of its own.)
    var pathScope: String {
        switch self {
        case .entity(let kind), .relation(let kind, _, _): "path.\(kind.rawValue)"
        case .source, .paragraphs, .paragraph: "path.sources"
        default: ""
        }
    }

    /// The operation's id, verb–noun in camelCase (`listCountries`, `getCountry`, `listCountryOrganizations`):
    /// generators name their functions after it, so it says what the call returns, in the singular for one item.
    var operationID: String {
        switch self {
        case .index: "getIndex"
        case .health: "getHealth"
        case .readiness: "getReadiness"
        case .openAPI: "getOpenAPI"
        case .metrics: "getMetrics"
        case .search: "search"
        case .collection(let kind): "list" + OpenAPINames.camel(kind.rawValue)
        case .entity(let kind): "get" + OpenAPINames.entity(kind)
        case .relation(let kind, let name, _): "list" + OpenAPINames.entity(kind) + OpenAPINames.camel(name)
        case .sources: "listSources"
        case .source: "getSource"
        case .paragraphs: "listSourceParagraphs"
        case .paragraph: "getSourceParagraph"
        }
    }

    /// The prefix of the component schemas naming the closed vocabularies of its query (`CountrySortKey`, …): the
    /// singular of what it lists.
    var vocabularyPrefix: String {
        switch self {
        case .index, .health, .readiness, .metrics, .openAPI: ""
        case .search: "SearchHit"
        case .collection(let kind), .entity(let kind), .relation(_, _, let kind): OpenAPINames.entity(kind)
        case .sources, .source: "Source"
        case .paragraphs, .paragraph: "Paragraph"
        }
    }
}
