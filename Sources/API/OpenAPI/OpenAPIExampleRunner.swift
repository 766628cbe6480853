import JSON
import Server
import Store

/// Answers an example request through the real route table, the way APIHandler precomputes responses: the same
/// handler, context and catalog, so an example body is the body the server sends for that request.
struct OpenAPIExampleRunner {
    let router: Router<RouteDefinition>
    let catalog: Catalog

    /// The status and JSON body of `GET target`, or nil when no route matches or the answer has no body.
    func respond(_ target: String) -> (status: Int, body: JSONValue)? {
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let path = String(parts[0])
        let query = parts.count > 1 ? String(parts[1]) : nil
        guard case .found(let entry, let parameters) = router.match(path: path) else { return nil }
        let match = PathMatch.get(path: path, query: query, parameters: parameters, catalog: catalog)
        switch entry.value.respond(to: match) {
        case .resource(let resource):
            return (200, resource.body)
        case .problem(let problem):
            // The same document the ResponsePreparer writes (with `instance` = the target).
            return (problem.status.code, problem.document(instance: target).json)
        case .redirect, .text:
            return nil
        }
    }
}
