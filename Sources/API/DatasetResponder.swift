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
    private let preparer: ResponsePreparer
    /// Links as configured: relative, or under `--public-url`.
    let standard: PrecomputedResponses
    /// Answers for the bases trusted proxies ask for; nil when `--public-url` fixes the base for everyone.
    private let forwarded: ForwardedBaseResponses?

    var catalog: Catalog { standard.catalog }
    var prepared: [String: PreparedResponse] { standard.prepared }

    /// `deferRelations`: leave the sub-collections to `warmUp()` (start-up opens the listener sooner); a reload
    /// builds everything before it swaps.
    init(
        store: Store, options: APIOptions, cors: CORSPolicy, readiness: Readiness, metrics: ServerMetrics,
        reloads: ReloadCounters, deferRelations: Bool
    ) throws {
        lastModified = store.modified
        fields = CommonFields(cors: cors, cacheMaxAge: options.cacheMaxAge, lastModified: store.modified)
        preparer = ResponsePreparer(fields: fields)

        // Routes depend on the data's shape (which relations exist), never on the link base, so the configured
        // base's catalog serves to build them.
        let catalog = try Catalog(store: store, links: LinkBuilder(publicURL: options.publicURL))
        let openAPI = OpenAPIDocumentSlot()
        let router = RouteTable.build(
            catalog: catalog, options: options, readiness: readiness, metrics: metrics, reloads: reloads,
            openAPI: openAPI)
        self.router = router

        // The OpenAPI document is built alongside the other precomputed responses, then served like them.
        let version = options.version
        standard = PrecomputedResponses(
            catalog: catalog, router: router, preparer: preparer,
            sideJob: { openAPI.document = OpenAPIDocument.build(router: router, catalog: catalog, version: version) },
            after: ["/openapi.json"], deferRelations: deferRelations)
        forwarded = options.publicURL == nil ? ForwardedBaseResponses() : nil
    }

    /// How many forwarded bases have their own answers (0 with `--public-url`).
    var forwardedBaseCount: Int { forwarded?.count ?? 0 }

    /// Encodes the responses start-up deferred (the sub-collections) so they too are served from memory.
    func warmUp() {
        standard.warmUp()
    }

    /// The base a trusted proxy asks links to be under (`https://host/prefix`, or just a prefix); nil when it asks
    /// for none or `--public-url` fixes links for everyone. Cheap when nil: it runs on every request.
    private func forwardedBaseText(of request: Request) -> String? {
        guard forwarded != nil, let header = request.forwarded, header.host != nil || header.prefix != nil else {
            return nil
        }
        var base = ""
        if let host = header.host { base = "\(header.proto ?? "http")://\(host)" }
        base += header.prefix ?? ""
        return base.isEmpty ? nil : base
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
    private func direct(_ status: HTTPStatus, _ own: CommonFields.Fields, route: String) -> Response {
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
            let forwardedCache = base.flatMap { forwarded?.cache(for: $0) }
            // Every base slot taken: the base's request gets the configured links, precomputed when it can be.
            if base != nil, forwardedCache == nil, request.query == nil || request.query == "",
                let ready = standard.prepared[request.path]
            {
                return send(ready, request)
            }
            // Answers to queries (and forwarded answers) are computed once per distinct target, then cached.
            let cache = forwardedCache ?? standard.cache
            let key = request.head.target
            if route.caching.cachesQueries, let cached = cache.get(key) { return send(cached, request) }
            let match = PathMatch(request: request, parameters: parameters, catalog: standard.catalog)
            var result = route.respond(to: match)
            // The OpenAPI document's examples keep the configured links, whoever asks.
            if let base, forwardedCache != nil, route.kind != .openAPI { result = result.rebased(onto: base) }
            let prepared = preparer.prepare(
                result, instance: request.head.target, route: route.template, caching: route.caching)
            if route.caching.cachesQueries { cache.put(key, prepared) }
            return send(prepared, request)
        case "OPTIONS":
            if let preflight = fields.cors.preflightHeaders(method: request.method, headers: request.headers) {
                var headers = Headers()
                for field in fields.preflight(preflight) { headers.add(name: field.name, value: field.value) }
                return Response(status: .noContent, headers: headers, route: route.template)
            }
            return direct(.noContent, [(ResponseField.allow.name, APIHandler.allowedMethods)], route: route.template)
        default:
            let problem = ProblemDetails(
                status: .methodNotAllowed, detail: "\(request.method) is not allowed here; this API is read-only.")
            let prepared = preparer.prepare(
                .problem(problem), instance: request.head.target, route: route.template, caching: .dynamic)
            var response = send(prepared, request)
            response.addHeader(name: ResponseField.allow.name, value: APIHandler.allowedMethods)
            return response
        }
    }

    /// 304 when the client's copy is current (RFC 9110 §13.1), else the prepared response.
    private func send(_ prepared: PreparedResponse, _ request: Request) -> Response {
        if let etag = prepared.etag,
            ConditionalRequest.isNotModified(
                method: request.method, headers: request.headers, etag: etag, lastModified: lastModified)
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
