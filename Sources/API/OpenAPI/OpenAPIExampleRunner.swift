import JSON
import Server
import Store

/// Answers an example request through the real route table, the way APIHandler precomputes responses: the same
/// handler, context and catalog, so an example body is the body the server sends for that request.
struct OpenAPIExampleRunner {
    let router: Router
    let catalog: Catalog

    /// The status and JSON body of `GET target`, or nil when no route matches or the answer has no body.
    func respond(_ target: String) -> (status: Int, body: JSONValue)? {
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let path = String(parts[0])
        let query = parts.count > 1 ? String(parts[1]) : nil
        guard case .found(let route, let parameters) = router.match(path: path),
            case .success(let queryString) = QueryString.parse(query)
        else { return nil }
        let head = RequestHead(
            method: "GET", target: target, path: path, query: query, version: .http1_1, headers: Headers())
        let context = RouteContext(
            request: Request(head: head), parameters: parameters, query: queryString, catalog: catalog)
        switch route.handler(context) {
        case .resource(let resource):
            return (resource.status.code, resource.body)
        case .problem(let problem):
            // The same value the Finisher writes (with `instance` = the target).
            return (problem.status.code, problem.document(instance: target).json)
        case .redirect, .text:
            return nil
        }
    }
}
