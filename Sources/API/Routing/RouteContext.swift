import Server

/// A request whose path matched a route: the request, the values of the template's `{parameters}`, and the catalog
/// whose links suit the request.
struct PathMatch: Sendable {
    let request: Request
    let parameters: [String: String]
    let catalog: Catalog

    var path: String { request.path }

    /// A GET the server makes of itself (start-up precomputation, the OpenAPI examples): `path` and `query` as the
    /// parser would split the target, no fields, HTTP/1.1.
    static func get(path: String, query: String?, parameters: [String: String], catalog: Catalog) -> PathMatch {
        let target = query.map { path + "?" + $0 } ?? path
        let head = RequestHead(
            method: "GET", target: target, path: path, query: query, version: .http1_1, headers: Headers())
        return PathMatch(request: Request(head: head), parameters: parameters, catalog: catalog)
    }
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
