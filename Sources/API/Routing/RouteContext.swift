import Server

/// A request whose path matched a route: the request, the values of the template's `{parameters}`, and the catalog
/// whose links suit the request.
struct PathMatch: Sendable {
    let request: Request
    let parameters: [String: String]
    let catalog: Catalog

    var path: String { request.path }
}

/// What a route handler sees: the matched request and its query, already validated against the route's grammar.
struct RouteContext: Sendable {
    let match: PathMatch
    let query: CollectionQuery

    var request: Request { match.request }
    var parameters: [String: String] { match.parameters }
    var catalog: Catalog { match.catalog }
    var path: String { match.path }
}
