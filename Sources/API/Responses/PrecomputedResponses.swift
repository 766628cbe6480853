import Server
import Store

/// The answers for the configured link base (relative, or `--public-url`): the catalog they are made from, and every
/// parameterless GET of a precomputed route encoded at start-up (answers to queries go to the `ResponseCache`). A
/// base a trusted proxy forwards gets these answers rebased (`ForwardedBases`, `RouteResult.rebased(onto:)`).
final class PrecomputedResponses: Sendable {
    let catalog: Catalog
    /// Every parameterless GET of a precomputed route, encoded once: path → response.
    let prepared: [String: PreparedResponse]
    /// Parameterless GETs left out of `prepared` to open the listener sooner: encoded by `warmUp()` into the cache
    /// into the response cache right after start-up (a request arriving first computes the same bytes itself).
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
    }

    /// The parameterless answer at `path`, encoding it now if start-up deferred it; nil when no precomputed route
    /// has that path. Off the loops only (a reload compares the old answers with the new).
    func answer(at path: String) -> PreparedResponse? {
        if let ready = prepared[path] { return ready }
        guard let job = deferred.first(where: { $0.path == path }) else { return nil }
        return Precomputation.prepare(job, catalog: catalog, preparer: preparer)
    }

    /// Encodes the deferred responses into `cache`, under the configured base and no query, as a parameterless
    /// request finds them, for dataset `generation`. They take their share of the cache's budget like any answer.
    func warmUp(into cache: ResponseCache, generation: Int) {
        for job in deferred {
            guard let key = ResponseCacheKey(generation: generation, base: "", path: job.path, rawQuery: nil) else {
                continue
            }
            cache.put(key, Precomputation.prepare(job, catalog: catalog, preparer: preparer))
        }
    }
}
