import Server
import Store

/// The API's entry point for the engine. Routes GET and HEAD to the resources, answers OPTIONS (CORS preflight and
/// `Allow`), 404 and 405 itself, revalidates with ETag / Last-Modified, and adds CORS and `nosniff` to every response.
public struct APIHandler: RequestHandler {
    let router: Router
    let cors: CORSPolicy
    let lastModified: Int
    private let finisher: Finisher
    private let sharedFields: [(name: String, value: String)]
    /// Links as configured: relative, or under `--public-url`.
    let standard: LinkVariant
    /// Variants for the bases trusted proxies ask for; nil when `--public-url` fixes the base for everyone.
    private let forwardedVariants: VariantCache?
    private let store: Store

    /// The methods every resource allows: the API is read-only.
    static let allowedMethods = "GET, HEAD, OPTIONS"

    var catalog: Catalog { standard.catalog }
    var prepared: [String: PreparedResponse] { standard.prepared }

    public init(
        store: Store, options: APIOptions = APIOptions(), readiness: Readiness = Readiness(),
        metrics: ServerMetrics = ServerMetrics()
    ) throws {
        self.store = store
        switch CORSPolicy.parse(options.corsOrigins) {
        case .success(let policy): cors = policy
        case .failure(let error): throw error
        }
        lastModified = options.loadedAt
        // Fields every response carries. With `*` CORS they do not depend on the request, so they are baked into the
        // prepared responses once instead of being appended (and the header list copied) on every request.
        var shared: [(name: String, value: String)] = [("X-Content-Type-Options", "nosniff")]
        if case .any = cors.origins { shared += cors.responseHeaders(origin: nil) }
        sharedFields = shared
        finisher = Finisher(
            lastModifiedText: HTTPDate.format(secondsSince1970: options.loadedAt),
            cacheControl: "public, max-age=\(options.cacheMaxAge)",
            sharedFields: shared)

        // Routes depend on the data's shape (which relations exist), never on the link base, so the configured
        // base's catalog serves to build them.
        let catalog = try Catalog(store: store, links: LinkBuilder(publicURL: options.publicURL))
        var router = Router()
        IndexRoute.register(in: &router, version: options.version)
        HealthRoutes.register(in: &router, readiness: readiness)
        MetricsRoute.register(
            in: &router, metrics: metrics, version: options.version, datasetVersion: store.datasetVersion)
        EntityRoutes.register(in: &router, catalog: catalog)
        SourceRoutes.register(in: &router)
        SearchRoute.register(in: &router)
        let documented = router
        let openAPI = OpenAPIDocumentSlot()
        OpenAPIRoute.register(in: &router, slot: openAPI)
        self.router = router

        // The OpenAPI document is built alongside the other precomputed responses, then served like them.
        let version = options.version
        standard = LinkVariant(
            catalog: catalog, router: router, finisher: finisher,
            sideJob: { openAPI.document = OpenAPIRoute.build(router: documented, catalog: catalog, version: version) },
            after: ["/openapi.json"], deferRelations: true)
        forwardedVariants = options.publicURL == nil ? VariantCache() : nil
    }

    /// How many forwarded bases have their own variant (0 with `--public-url`).
    var forwardedVariantCount: Int { forwardedVariants?.count ?? 0 }

    /// Encodes the responses start-up deferred (the sub-collections) so they too are served from memory. The executable
    /// runs it on a background thread as soon as the listener is open; until it is done, a request for one of them
    /// computes the same bytes itself.
    public func warmUp() {
        standard.warmUp()
    }

    /// The variant whose links suit this request: a trusted proxy's forwarded host and prefix make links absolute
    /// and/or prefixed; `--public-url` overrides them; otherwise links are relative.
    private func variant(for request: Request) -> LinkVariant {
        guard let cache = forwardedVariants, let forwarded = request.forwarded else { return standard }
        var base = ""
        if let host = forwarded.host { base = "\(forwarded.proto ?? "http")://\(host)" }
        base += forwarded.prefix ?? ""
        guard !base.isEmpty else { return standard }
        return cache.variant(for: base) {
            (try? Catalog(store: store, links: LinkBuilder(publicURL: base))).map {
                LinkVariant(catalog: $0, router: router, finisher: finisher)
            }
        } ?? standard
    }

    /// Every response leaves with `nosniff` and its CORS fields: baked in (see `sharedFields`) or, for an origin
    /// allow-list, chosen here per request. A preflight answer already has its own CORS fields.
    public func handle(_ request: Request) -> Response {
        var response = respond(request)
        if case .list = cors.origins, !isPreflight(request) {
            for field in cors.responseHeaders(origin: request.headers["Origin"]) {
                response.addHeader(name: HeaderName(field.name), value: field.value)
            }
        }
        return response
    }

    private func isPreflight(_ request: Request) -> Bool {
        request.method == "OPTIONS" && cors.preflightHeaders(method: request.method, headers: request.headers) != nil
    }

    /// A response built here rather than by the Finisher (OPTIONS answers), with the fields every response carries.
    private func direct(_ status: HTTPStatus, _ fields: [(name: String, value: String)], route: String) -> Response {
        var headers = Headers()
        for field in fields + sharedFields { headers.add(name: HeaderName(field.name), value: field.value) }
        return Response(status: status, headers: headers, route: route)
    }

    private func respond(_ request: Request) -> Response {
        if request.path == "*" {
            // `OPTIONS *` asks about the server as a whole (RFC 9110 §9.3.7).
            return direct(.noContent, [("Allow", APIHandler.allowedMethods)], route: "")
        }
        // The common case first: a parameterless GET of a precomputed resource needs no routing at all (every key
        // of `prepared` is a path its route produced, so routing would find that route). The standard variant is
        // asked first, so a path that names no resource never builds a forwarded variant.
        if request.method == "GET" || request.method == "HEAD", request.query == nil || request.query == "",
            let ready = standard.prepared[request.path]
        {
            let links = variant(for: request)
            if links === standard { return send(ready, request) }
            if let forwarded = links.prepared[request.path] { return send(forwarded, request) }
        }
        switch router.match(path: request.path) {
        case .badPath:
            return send(
                finisher.finish(
                    .problem(
                        ProblemDetails(status: .badRequest, detail: "The path is not valid percent-encoded UTF-8.")),
                    instance: request.head.target, route: ""), request)
        case .notFound:
            return send(
                finisher.finish(
                    .problem(.notFound("No resource at \(request.path).")), instance: request.head.target, route: ""),
                request)
        case .found(let route, let parameters):
            switch request.method {
            case "GET", "HEAD":
                let links = variant(for: request)
                // Query responses are computed once per distinct target, then served from the cache.
                let key = request.head.target
                if !route.isDynamic, let cached = links.cache.get(key) { return send(cached, request) }
                let prepared: PreparedResponse
                switch QueryString.parse(request.query) {
                case .failure(let error):
                    prepared = finisher.finish(
                        .problem(.invalid(ParameterErrors(errors: [error]))), instance: request.head.target,
                        route: route.template)
                case .success(let query):
                    let context = RouteContext(
                        request: request, parameters: parameters, query: query, catalog: links.catalog)
                    prepared = finisher.finish(
                        route.handler(context), instance: request.head.target, route: route.template)
                }
                if !route.isDynamic { links.cache.put(key, prepared) }
                return send(prepared, request)
            case "OPTIONS":
                if let preflight = cors.preflightHeaders(method: request.method, headers: request.headers) {
                    // The preflight's own CORS fields, once each (not the shared ones again), plus nosniff.
                    var headers = Headers()
                    for field in preflight + [("X-Content-Type-Options", "nosniff")] {
                        headers.add(name: HeaderName(field.name), value: field.value)
                    }
                    return Response(status: .noContent, headers: headers, route: route.template)
                }
                return direct(.noContent, [("Allow", APIHandler.allowedMethods)], route: route.template)
            default:
                var response = send(
                    finisher.finish(
                        .problem(
                            ProblemDetails(
                                status: .methodNotAllowed,
                                detail: "\(request.method) is not allowed here; this API is read-only.")),
                        instance: request.head.target, route: route.template), request)
                response.addHeader(name: "Allow", value: APIHandler.allowedMethods)
                return response
            }
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

    /// The engine's own errors (400, 408, 413, …) get the same CORS and nosniff fields as every other response.
    public func engineError(status: HTTPStatus, detail: String) -> Response {
        var response = EngineProblem.response(status: status, detail: detail)
        response.addHeader(name: "Cache-Control", value: "no-store")
        // The request may be unreadable, so its Origin is unknown: the shared fields, plus `Vary: Origin` for a list.
        var fields = sharedFields
        if case .list = cors.origins { fields += cors.responseHeaders(origin: nil) }
        for field in fields { response.addHeader(name: HeaderName(field.name), value: field.value) }
        return response
    }
}

/// Turns route results into bytes and fields. The same code serves startup precomputation and live queries, so a
/// precomputed response is byte for byte what the live path would produce.
struct Finisher: Sendable {
    let lastModifiedText: String
    let cacheControl: String
    /// Appended to every response (nosniff, and CORS when it does not depend on the request).
    let sharedFields: [(name: String, value: String)]
    /// Every problem response's fields, shared fields included, encoded once: 404s are answered per request.
    private let problemHeaders: PreEncodedHeaders

    init(lastModifiedText: String, cacheControl: String, sharedFields: [(name: String, value: String)] = []) {
        self.lastModifiedText = lastModifiedText
        self.cacheControl = cacheControl
        self.sharedFields = sharedFields
        var headers = Headers()
        headers.add(name: "Content-Type", value: "application/problem+json")
        headers.add(name: "Content-Language", value: "en")
        headers.add(name: "Cache-Control", value: "no-store")
        for field in sharedFields { headers.add(name: HeaderName(field.name), value: field.value) }
        problemHeaders = PreEncodedHeaders(headers)
    }

    /// Each case adds the shared fields last, before the response is built (and its fields encoded) once.
    func finish(_ result: RouteResult, instance: String, route: String) -> PreparedResponse {
        switch result {
        case .resource(let resource):
            let body = JSONWriter.write(resource.body, pretty: resource.pretty)
            var headers = Headers()
            headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
            headers.add(name: "Content-Language", value: resource.contentLanguage)
            for field in resource.fields { headers.add(name: HeaderName(field.name), value: field.value) }
            var etag: EntityTag?
            if resource.cacheable && resource.status == .ok {
                let tag = EntityTag.strong(for: body)
                etag = tag
                headers.add(name: "ETag", value: tag.headerValue)
                headers.add(name: "Cache-Control", value: cacheControl)
                headers.add(name: "Last-Modified", value: lastModifiedText)
            } else {
                headers.add(name: "Cache-Control", value: "no-store")
            }
            addShared(to: &headers)
            return PreparedResponse(status: resource.status, headers: headers, body: body, etag: etag, route: route)
        case .problem(let problem):
            return PreparedResponse(
                status: problem.status, headers: problemHeaders, body: problem.body(instance: instance), etag: nil,
                route: route)
        case .redirect(let location):
            var headers = Headers()
            headers.add(name: "Location", value: location)
            headers.add(name: "Cache-Control", value: cacheControl)
            addShared(to: &headers)
            return PreparedResponse(status: .movedPermanently, headers: headers, body: [], etag: nil, route: route)
        case .text(let body, let contentType):
            var headers = Headers()
            headers.add(name: "Content-Type", value: contentType)
            headers.add(name: "Cache-Control", value: "no-store")
            addShared(to: &headers)
            return PreparedResponse(status: .ok, headers: headers, body: body, etag: nil, route: route)
        }
    }

    private func addShared(to headers: inout Headers) {
        for field in sharedFields { headers.add(name: HeaderName(field.name), value: field.value) }
    }
}
