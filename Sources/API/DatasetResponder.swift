import JSON
import Server
import Store

/// Answers requests from one loaded dataset: routes GET and HEAD to the resources, answers OPTIONS (CORS preflight and
/// `Allow`), 404 and 405 itself, revalidates with ETag / Last-Modified, and adds the common fields (`CommonFields`)
/// to every response. Everything here depends on the data, so a reload builds a new responder whole and
/// `APIHandler` swaps it in at once; a request runs from start to end on the responder it started with.
final class DatasetResponder: Sendable {
    let router: Router<RouteDefinition>
    let fields: CommonFields
    /// `Last-Modified` of every representation: when the data says it last changed (`Store.modified`).
    let lastModified: Int
    let preparer: ResponsePreparer
    /// The program's web files (`/docs`, `/reader`), with this dataset's common fields.
    let statics: StaticResponses
    /// Links as configured: relative, or under `--public-url`.
    let standard: PrecomputedResponses
    /// The link bases trusted proxies may ask for; nil when `--public-url` fixes the base for everyone.
    private let forwarded: ForwardedBases?
    /// Every computed answer kept, for every base, under one byte budget (`--cache-size`): shared by every dataset,
    /// its keys carrying the dataset's `generation`.
    let cache: ResponseCache
    let generation: Int

    var catalog: Catalog { standard.catalog }
    var prepared: [String: PreparedResponse] { standard.prepared }

    /// `deferRelations`: leave the sub-collections to `warmUp()` (start-up opens the listener sooner); a reload
    /// builds everything before it swaps.
    init(
        store: Store, options: APIOptions, cors: CORSPolicy, readiness: Readiness, metrics: ServerMetrics,
        reloads: ReloadCounters, cache: ResponseCache, generation: Int, deferRelations: Bool,
        assets: StaticAssets = StaticAssets()
    ) throws {
        self.cache = cache
        self.generation = generation
        lastModified = store.modified
        fields = CommonFields(cors: cors, cacheMaxAge: options.cacheMaxAge, lastModified: store.modified)
        preparer = ResponsePreparer(fields: fields)
        statics = StaticResponses(assets: assets, constant: fields.constant)

        // Routes depend on the data's shape (which relations exist), never on the link base, so the configured
        // base's catalog serves to build them.
        let catalog = try Catalog(store: store, links: LinkBuilder(publicURL: options.publicURL))
        let openAPI = OpenAPIDocumentSlot()
        let router = RouteTable.build(
            catalog: catalog, options: options, readiness: readiness, metrics: metrics, reloads: reloads,
            openAPI: openAPI, cache: cache)
        self.router = router

        // The OpenAPI document is built alongside the other precomputed responses, then served like them.
        let version = options.version
        standard = PrecomputedResponses(
            catalog: catalog, router: router, preparer: preparer,
            sideJob: { openAPI.document = OpenAPIDocument.build(router: router, catalog: catalog, version: version) },
            after: ["/openapi.json"], deferRelations: deferRelations)
        forwarded = options.publicURL == nil ? ForwardedBases(allowedHosts: options.forwardedHosts) : nil
    }

    /// How many forwarded bases have answers of their own (0 with `--public-url`).
    var forwardedBaseCount: Int { forwarded?.count ?? 0 }

    /// Encodes the responses start-up deferred (the sub-collections) so they too are served from memory.
    func warmUp() {
        catalog.store.prepareSearch()
        standard.warmUp(into: cache, generation: generation)
    }

    /// The base a trusted proxy asks links to be under (`https://host/prefix` for an allowed host, or just a
    /// prefix); nil when it asks for none or `--public-url` fixes links for everyone. Cheap when nil: it runs on
    /// every request.
    private func forwardedBaseText(of request: Request) -> String? {
        guard let forwarded, let header = request.forwarded, header.host != nil || header.prefix != nil else {
            return nil
        }
        return forwarded.base(for: header)
    }

    /// Every response leaves with the common fields: baked in, or (an origin allow-list) chosen here per request.
    /// A preflight answer already has its own CORS fields.
    func handle(_ request: Request) -> Response {
        var response = respond(request)
        // Only an origin allow-list varies by request; with `*` the fields are baked in (checked first: it is free).
        if case .list = fields.cors.origins, !isPreflight(request) {
            for field in fields.perRequest(request) { response.addHeader(name: field.name, value: field.value) }
        }
        return response
    }

    private func isPreflight(_ request: Request) -> Bool {
        request.method == "OPTIONS"
            && fields.cors.preflightHeaders(method: request.method, headers: request.headers) != nil
    }

    /// A response built here rather than by the preparer (OPTIONS answers), with the constant fields.
    func direct(_ status: HTTPStatus, _ own: CommonFields.Fields, route: String) -> Response {
        var headers = Headers()
        for field in own + fields.constant { headers.add(name: field.name, value: field.value) }
        return Response(status: status, headers: headers, route: route)
    }

    private func respond(_ request: Request) -> Response {
        if request.path == "*" {
            // `OPTIONS *` asks about the server as a whole (RFC 9110 §9.3.7).
            return direct(.noContent, [(ResponseField.allow.name, APIHandler.allowedMethods)], route: "")
        }
        // The common case first: a parameterless GET of a precomputed resource needs no routing at all (every key
        // of `prepared` is a path its route produced, so routing would find that route). A forwarded request is
        // routed first, so a path that names no resource never takes a slot for its base.
        let base = forwardedBaseText(of: request)
        if request.method == "GET" || request.method == "HEAD", request.query == nil || request.query == "",
            base == nil, let ready = standard.prepared[request.path]
        {
            return send(ready, request)
        }
        // The web pages are not routes: they take no query and are not operations of the OpenAPI document.
        if let page = statics[request.path] { return respond(request, page: page) }
        if let redirect = pageWithoutSlash(request) { return redirect }
        switch router.match(path: request.path) {
        case .badPath:
            let problem = ProblemDetails(status: .badRequest, detail: "The path is not valid percent-encoded UTF-8.")
            return send(
                preparer.prepare(.problem(problem), instance: request.head.target, route: "", caching: .dynamic),
                request)
        case .notFound:
            let problem = ProblemDetails.notFound("No resource at \(request.path).")
            return send(
                preparer.prepare(.problem(problem), instance: request.head.target, route: "", caching: .dynamic),
                request)
        case .found(let entry, let parameters):
            return respond(request, route: entry.value, parameters: parameters, base: base)
        }
    }

    /// `base`: the forwarded link base, if any. Its slot is taken only here, once the path has named a route.
    private func respond(_ request: Request, route: RouteDefinition, parameters: [String: String], base: String?)
        -> Response
    {
        switch request.method {
        case "GET", "HEAD":
            return get(request, route: route, parameters: parameters, base: base)
        case "OPTIONS":
            if let preflight = fields.cors.preflightHeaders(method: request.method, headers: request.headers) {
                var headers = Headers()
                for field in fields.preflight(preflight) { headers.add(name: field.name, value: field.value) }
                return Response(status: .noContent, headers: headers, route: route.template)
            }
            return direct(.noContent, [(ResponseField.allow.name, APIHandler.allowedMethods)], route: route.template)
        default:
            return methodNotAllowed(request, route: route.template)
        }
    }

    /// 405 with `Allow`: the API is read-only.
    func methodNotAllowed(_ request: Request, route: String) -> Response {
        let problem = ProblemDetails(
            status: .methodNotAllowed, detail: "\(request.method) is not allowed here; this API is read-only.")
        let prepared = preparer.prepare(
            .problem(problem), instance: request.head.target, route: route, caching: .dynamic)
        var response = send(prepared, request)
        response.addHeader(name: ResponseField.allow.name, value: APIHandler.allowedMethods)
        return response
    }

    /// A GET or HEAD: from the cache when it holds the answer, else computed, and kept when its bytes are a function
    /// of the cache key alone — a 200, whose links come from the normalized query. A problem names the raw target
    /// (`instance`) and a redirect echoes the raw query (`Location`): both are cheap, and computed every time.
    private func get(_ request: Request, route: RouteDefinition, parameters: [String: String], base: String?)
        -> Response
    {
        guard route.caching.cachesQueries,
            let key = ResponseCacheKey(
                generation: generation, base: base ?? "", path: request.path, rawQuery: request.query)
        else {
            return send(compute(request, route: route, parameters: parameters, base: base), request)
        }
        if let cached = cache.get(key) { return send(cached, request) }
        // Admitted on a miss only: a cached answer's base was admitted when it was stored.
        if let forwarded, base.map(forwarded.admit) == false {
            // Every base slot taken: this base's request gets the configured links, precomputed when it can be.
            if request.query == nil || request.query == "", let ready = standard.prepared[request.path] {
                return send(ready, request)
            }
            return get(request, route: route, parameters: parameters, base: nil)
        }
        let prepared = compute(request, route: route, parameters: parameters, base: base)
        if prepared.status == .ok { cache.put(key, prepared) }
        return send(prepared, request)
    }

    /// The route's answer, its links moved under `base`. The OpenAPI document's examples keep the configured links,
    /// whoever asks.
    private func compute(_ request: Request, route: RouteDefinition, parameters: [String: String], base: String?)
        -> PreparedResponse
    {
        let match = PathMatch(request: request, parameters: parameters, catalog: standard.catalog)
        var result = route.respond(to: match)
        if let base, route.kind != .openAPI { result = result.rebased(onto: base) }
        return preparer.prepare(result, instance: request.head.target, route: route.template, caching: route.caching)
    }

    /// 304 when the client's copy is current (RFC 9110 §13.1), else the prepared response. `lastModified`: the
    /// answer's modification time for If-Modified-Since (the data's by default; `Int.max` for files the data does
    /// not date, which only their ETag validates).
    func send(_ prepared: PreparedResponse, _ request: Request, lastModified: Int? = nil) -> Response {
        if let etag = prepared.etag,
            ConditionalRequest.isNotModified(
                method: request.method, headers: request.headers, etag: etag,
                lastModified: lastModified ?? self.lastModified)
        {
            return Response(status: .notModified, headers: prepared.notModifiedHeaders, route: prepared.route)
        }
        return Response(status: prepared.status, headers: prepared.headers, body: prepared.body, route: prepared.route)
    }

    /// The engine's own errors (400, 408, 413, …) get the common fields too.
    func engineError(status: HTTPStatus, detail: String) -> Response {
        var response = EngineProblem.response(status: status, detail: detail)
        for field in fields.engineError { response.addHeader(name: field.name, value: field.value) }
        return response
    }
}
