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
    /// Parameterless GETs left out of `prepared` to open the listener sooner: encoded by `warmUp()` into the cache
    /// right after start-up (a request arriving first computes the same bytes itself).
    private let deferred: [Job]
    private let finisher: Finisher

    typealias Job = (path: String, route: Router.Route, parameters: [String: String])

    /// Precomputes every parameterless GET, spread over two threads (start-up time is a target: both cores work).
    /// `sideJob` runs on a third lane alongside; routes in `after` are computed last, once it has finished (the
    /// OpenAPI document is built by the side job, and `/openapi.json` needs it). With `deferRelations`, the
    /// sub-collections wait for `warmUp()`.
    init(
        catalog: Catalog, router: Router, finisher: Finisher, sideJob: (@Sendable () -> Void)? = nil,
        after: Set<String> = [],
        deferRelations: Bool = false
    ) {
        self.catalog = catalog
        self.finisher = finisher
        var jobs: [Job] = []
        var later: [Job] = []
        var deferred: [Job] = []
        for route in router.routes where route.isPrecomputable {
            for (path, parameters) in route.concretePaths(catalog: catalog) {
                if after.contains(route.template) {
                    later.append((path, route, parameters))
                } else if deferRelations && route.isRelation {
                    deferred.append((path, route, parameters))
                } else {
                    jobs.append((path, route, parameters))
                }
            }
        }
        self.deferred = deferred
        let lanes = 2
        let results = Locked<[(String, PreparedResponse)]>([])
        let allJobs = jobs
        DispatchQueue.concurrentPerform(iterations: lanes + 1) { lane in
            if lane == lanes {
                sideJob?()
                return
            }
            var mine: [(String, PreparedResponse)] = []
            for index in stride(from: lane, to: allJobs.count, by: lanes) {
                mine.append(LinkVariant.run(allJobs[index], catalog: catalog, finisher: finisher))
            }
            results.withLock { $0.append(contentsOf: mine) }
        }
        var prepared = Dictionary(results.withLock { $0 }, uniquingKeysWith: { first, _ in first })
        for job in later {
            let (path, response) = LinkVariant.run(job, catalog: catalog, finisher: finisher)
            prepared[path] = response
        }
        self.prepared = prepared
        cache = ResponseCache()
    }

    /// One parameterless GET through its route, finished as the live path would.
    static func run(_ job: Job, catalog: Catalog, finisher: Finisher) -> (String, PreparedResponse) {
        let head = RequestHead(
            method: "GET", target: job.path, path: job.path, query: nil, version: .http1_1, headers: Headers())
        let context = RouteContext(
            request: Request(head: head), parameters: job.parameters, query: QueryString(), catalog: catalog)
        return (job.path, finisher.finish(job.route.handler(context), instance: job.path, route: job.route.template))
    }

    /// Encodes the deferred responses into the cache (keyed by path, as a parameterless request's target is).
    func warmUp() {
        for job in deferred {
            let (path, response) = LinkVariant.run(job, catalog: catalog, finisher: finisher)
            cache.put(path, response)
        }
    }
}
