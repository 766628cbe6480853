import Server
import Store

/// Everything whose bytes depend on the link base: the catalog (representations embed links), the responses
/// precomputed from it, and a bounded cache of the query responses computed from it. There is one for the configured
/// base (relative, or `--public-url`) and one per distinct base a trusted proxy asks for (`X-Forwarded-Prefix` /
/// `-Host` / `-Proto`), built on first use.
final class LinkVariant: Sendable {
    let catalog: Catalog
    /// Every parameterless GET, encoded once: path → response.
    let prepared: [String: PreparedResponse]
    let cache: ResponseCache

    init(catalog: Catalog, router: Router, finisher: Finisher) {
        self.catalog = catalog
        var prepared: [String: PreparedResponse] = [:]
        for route in router.routes where route.isPrecomputable {
            for (path, parameters) in route.concretePaths(catalog: catalog) {
                let head = RequestHead(method: "GET", target: path, path: path, query: nil, version: .http1_1, headers: Headers())
                let context = RouteContext(request: Request(head: head), parameters: parameters, query: QueryString(), catalog: catalog)
                prepared[path] = finisher.finish(route.handler(context), instance: path, route: route.template)
            }
        }
        self.prepared = prepared
        cache = ResponseCache()
    }
}
