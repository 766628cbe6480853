import Server
import Store

/// Everything whose bytes depend on the link base: the catalog (representations embed links), the responses
/// precomputed from it, and a bounded cache of the query responses computed from it. There is one for the configured
/// base (relative, or `--public-url`) and one per distinct base a trusted proxy asks for (`X-Forwarded-Prefix` /
/// `-Host` / `-Proto`), built on first use.
final class LinkBaseResponses: Sendable {
    let catalog: Catalog
    /// Every parameterless GET of a precomputed route, encoded once: path → response.
    let prepared: [String: PreparedResponse]
    /// Answers to queries, computed once each.
    let cache: ResponseCache
    /// Parameterless GETs left out of `prepared` to open the listener sooner: encoded by `warmUp()` into the cache
    /// right after start-up (a request arriving first computes the same bytes itself).
    private let deferred: [Precomputation.Job]
    private let preparer: ResponsePreparer

    /// `deferRelations`: the sub-collections wait for `warmUp()`. `sideJob` and `after`: see `Precomputation.run`.
    init(
        catalog: Catalog, router: Router<RouteDefinition>, preparer: ResponsePreparer,
        sideJob: (@Sendable () -> Void)? = nil, after: Set<String> = [], deferRelations: Bool = false
    ) {
        self.catalog = catalog
        self.preparer = preparer
        let jobs = Precomputation.jobs(router: router, catalog: catalog)
        let isDeferred: (Precomputation.Job) -> Bool = { job in
            guard deferRelations, !after.contains(job.route.template), case .relation = job.route.kind else {
                return false
            }
            return true
        }
        deferred = jobs.filter(isDeferred)
        prepared = Precomputation.run(
            jobs.filter { !isDeferred($0) }, catalog: catalog, preparer: preparer, sideJob: sideJob, after: after)
        cache = ResponseCache()
    }

    /// Encodes the deferred responses into the cache (keyed by path, as a parameterless request's target is).
    func warmUp() {
        for job in deferred {
            cache.put(job.path, Precomputation.prepare(job, catalog: catalog, preparer: preparer))
        }
    }
}
