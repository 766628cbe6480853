import Server
import Store

/// The API's entry point for the engine. It answers every request from the dataset now being served
/// (`DatasetResponder`), and swaps in a new one when the data is reloaded: built whole off the event loops, then
/// published in one step, so a request sees either the old data or the new, never a mix.
public struct APIHandler: RequestHandler {
    private let slot: ReadMostly<DatasetResponder>
    private let options: APIOptions
    private let cors: CORSPolicy
    private let readiness: Readiness
    private let metrics: ServerMetrics
    /// Reloads done and refused, for `/metrics`.
    public let reloads: ReloadCounters
    /// Every computed answer kept, under one byte budget for the process (`--cache-size`), across reloads.
    let cache: ResponseCache
    /// The program's web pages: the same whatever data is loaded, so a reload keeps them.
    private let assets: StaticAssets
    /// Datasets served so far: the generation of the next one (its cache keys).
    private let generations = Locked(0)

    /// The methods every resource allows: the API is read-only.
    static let allowedMethods = "GET, HEAD, OPTIONS"

    public init(
        store: Store, options: APIOptions = APIOptions(), readiness: Readiness = Readiness(),
        metrics: ServerMetrics = ServerMetrics(), assets: StaticAssets = StaticAssets()
    ) throws {
        switch CORSPolicy.parse(options.corsOrigins) {
        case .success(let policy): cors = policy
        case .failure(let error): throw error
        }
        self.options = options
        self.assets = assets
        self.readiness = readiness
        self.metrics = metrics
        let reloads = ReloadCounters()
        self.reloads = reloads
        let cache = ResponseCache(budget: options.cacheSize)
        self.cache = cache
        slot = ReadMostly(
            try DatasetResponder(
                store: store, options: options, cors: cors, readiness: readiness, metrics: metrics,
                reloads: reloads, cache: cache, generation: 0, deferRelations: true, assets: assets))
    }

    /// The responder now serving: one read lock per request, which loops reading at once never wait on.
    var current: DatasetResponder { slot.read() }

    var router: Router<RouteDefinition> { current.router }
    var catalog: Catalog { current.catalog }
    var prepared: [String: PreparedResponse] { current.prepared }
    /// How many forwarded bases have their own answers (0 with `--public-url`).
    var forwardedBaseCount: Int { current.forwardedBaseCount }

    /// Encodes the responses start-up deferred (the sub-collections) so they too are served from memory. The
    /// executable runs it on a background thread as soon as the listener is open; until it is done, a request for one
    /// of them computes the same bytes itself.
    public func warmUp() {
        current.warmUp()
    }

    public func handle(_ request: Request) -> Response {
        current.handle(request)
    }

    /// The engine's own errors (400, 408, 413, …) get the common fields too.
    public func engineError(status: HTTPStatus, detail: String) -> Response {
        current.engineError(status: status, detail: detail)
    }

    /// What a reload changed: the dataset versions, and how many of the precomputed responses differ in bytes
    /// (their ETags changed; every other ETag is the same as before).
    public struct ReloadSummary: Sendable {
        public var previousVersion: String
        public var version: String
        public var responses: Int
        public var changedResponses: Int
    }

    /// Serves `store` from now on. Builds every response of the new data first (on the caller's thread, never an
    /// event loop), then swaps; requests already running finish on the old data. Throws, keeping the old data, if
    /// the API cannot be built over the new one.
    public func reload(store: Store) throws -> ReloadSummary {
        let generation = generations.withLock {
            $0 += 1
            return $0
        }
        // Everything of the new data is built before it serves, the search index too.
        _ = store.searchIndex
        let next = try DatasetResponder(
            store: store, options: options, cors: cors, readiness: readiness, metrics: metrics, reloads: reloads,
            cache: cache, generation: generation, deferRelations: false, assets: assets)
        let previous = slot.replace(with: next)
        // The old dataset's answers can never be served again (their keys carry its generation): free their budget.
        cache.removeAll()
        reloads.succeeded()
        let changed = next.prepared.filter { path, response in
            previous.standard.answer(at: path)?.body != response.body
        }
        return ReloadSummary(
            previousVersion: previous.catalog.store.datasetVersion, version: store.datasetVersion,
            responses: next.prepared.count, changedResponses: changed.count)
    }

    /// Counts a reload refused because the new data did not load (the executable logs the problems).
    public func reloadFailed() {
        reloads.failed()
    }
}
