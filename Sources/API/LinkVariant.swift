import Dispatch
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

    /// Precomputes every parameterless GET, spread over two threads (start-up time is a target: both cores work).
    /// `sideJob` runs on a third lane alongside; routes in `after` are computed last, once it has finished (the
    /// OpenAPI document is built by the side job, and `/openapi.json` needs it).
    init(catalog: Catalog, router: Router, finisher: Finisher, sideJob: (@Sendable () -> Void)? = nil, after: Set<String> = []) {
        self.catalog = catalog
        var jobs: [(path: String, route: Router.Route, parameters: [String: String])] = []
        var later: [(path: String, route: Router.Route, parameters: [String: String])] = []
        for route in router.routes where route.isPrecomputable {
            for (path, parameters) in route.concretePaths(catalog: catalog) {
                if after.contains(route.template) { later.append((path, route, parameters)) } else { jobs.append((path, route, parameters)) }
            }
        }
        @Sendable func finish(_ job: (path: String, route: Router.Route, parameters: [String: String])) -> (String, PreparedResponse) {
            let head = RequestHead(method: "GET", target: job.path, path: job.path, query: nil, version: .http1_1, headers: Headers())
            let context = RouteContext(request: Request(head: head), parameters: job.parameters, query: QueryString(), catalog: catalog)
            return (job.path, finisher.finish(job.route.handler(context), instance: job.path, route: job.route.template))
        }
        let lanes = 2
        let results = Locked<[(String, PreparedResponse)]>([])
        let allJobs = jobs
        DispatchQueue.concurrentPerform(iterations: lanes + 1) { lane in
            if lane == lanes {
                sideJob?()
                return
            }
            var mine: [(String, PreparedResponse)] = []
            for index in stride(from: lane, to: allJobs.count, by: lanes) { mine.append(finish(allJobs[index])) }
            results.withLock { $0.append(contentsOf: mine) }
        }
        var prepared = Dictionary(results.withLock { $0 }, uniquingKeysWith: { first, _ in first })
        for job in later {
            let (path, response) = finish(job)
            prepared[path] = response
        }
        self.prepared = prepared
        cache = ResponseCache()
    }
}
