import Server
import Store

/// The API's entry point for the engine. Routes GET and HEAD to the resources, answers OPTIONS (CORS preflight and
/// `Allow`), 404 and 405 itself, revalidates with ETag / Last-Modified, and adds CORS and `nosniff` to every response.
public struct APIHandler: RequestHandler {
    let router: Router
    let catalog: Catalog
    let cors: CORSPolicy
    /// Every parameterless GET, encoded at startup: path → response.
    let prepared: [String: PreparedResponse]
    let lastModified: Int
    private let lastModifiedText: String
    private let cacheControl: String

    /// The methods every resource allows: the API is read-only.
    static let allowedMethods = "GET, HEAD, OPTIONS"

    public init(store: Store, options: APIOptions = APIOptions(), readiness: Readiness = Readiness()) throws {
        let links = LinkBuilder(publicURL: options.publicURL)
        let catalog = try Catalog(store: store, links: links)
        self.catalog = catalog
        switch CORSPolicy.parse(options.corsOrigins) {
        case .success(let policy): cors = policy
        case .failure(let error): throw error
        }
        lastModified = options.loadedAt
        lastModifiedText = HTTPDate.format(secondsSince1970: options.loadedAt)
        cacheControl = "public, max-age=\(options.cacheMaxAge)"

        var router = Router()
        IndexRoute.register(in: &router, version: options.version)
        HealthRoutes.register(in: &router, readiness: readiness)
        EntityRoutes.register(in: &router, catalog: catalog)
        SourceRoutes.register(in: &router)
        SearchRoute.register(in: &router)
        OpenAPIRoute.register(in: &router, catalog: catalog, version: options.version)
        self.router = router

        var prepared: [String: PreparedResponse] = [:]
        let finisher = Finisher(lastModifiedText: lastModifiedText, cacheControl: cacheControl)
        for route in router.routes where route.isPrecomputable {
            for (path, parameters) in route.concretePaths(catalog: catalog) {
                let head = RequestHead(method: "GET", target: path, path: path, query: nil, version: .http1_1, headers: Headers())
                let context = RouteContext(request: Request(head: head), parameters: parameters, query: QueryString(), catalog: catalog)
                prepared[path] = finisher.finish(route.handler(context), instance: path)
            }
        }
        self.prepared = prepared
    }

    public func handle(_ request: Request) -> Response {
        var response = respond(request)
        for field in cors.responseHeaders(origin: request.headers["Origin"]) { response.headers.add(name: field.name, value: field.value) }
        response.headers.add(name: "X-Content-Type-Options", value: "nosniff")
        return response
    }

    private func respond(_ request: Request) -> Response {
        if request.path == "*" {
            // `OPTIONS *` asks about the server as a whole (RFC 9110 §9.3.7).
            return Response(status: .noContent, headers: Headers([("Allow", APIHandler.allowedMethods)]))
        }
        let finisher = Finisher(lastModifiedText: lastModifiedText, cacheControl: cacheControl)
        switch router.match(path: request.path) {
        case .badPath:
            return send(finisher.finish(.problem(ProblemDetails(status: .badRequest, detail: "The path is not valid percent-encoded UTF-8.")), instance: request.head.target), request)
        case .notFound:
            return send(finisher.finish(.problem(.notFound("No resource at \(request.path).")), instance: request.head.target), request)
        case .found(let route, let parameters):
            switch request.method {
            case "GET", "HEAD":
                if request.query == nil || request.query == "", let ready = prepared[request.path] {
                    return send(ready, request)
                }
                switch QueryString.parse(request.query) {
                case .failure(let error):
                    return send(finisher.finish(.problem(.invalid(ParameterErrors(errors: [error]))), instance: request.head.target), request)
                case .success(let query):
                    let context = RouteContext(request: request, parameters: parameters, query: query, catalog: catalog)
                    return send(finisher.finish(route.handler(context), instance: request.head.target), request)
                }
            case "OPTIONS":
                if let preflight = cors.preflightHeaders(method: request.method, headers: request.headers) {
                    var headers = Headers()
                    for field in preflight { headers.add(name: field.name, value: field.value) }
                    return Response(status: .noContent, headers: headers)
                }
                return Response(status: .noContent, headers: Headers([("Allow", APIHandler.allowedMethods)]))
            default:
                var response = send(finisher.finish(.problem(ProblemDetails(status: .methodNotAllowed, detail: "\(request.method) is not allowed here; this API is read-only.")),
                                                    instance: request.head.target), request)
                response.headers.add(name: "Allow", value: APIHandler.allowedMethods)
                return response
            }
        }
    }

    /// 304 when the client's copy is current (RFC 9110 §13.1), else the prepared response.
    private func send(_ prepared: PreparedResponse, _ request: Request) -> Response {
        if let etag = prepared.etag, ConditionalRequest.isNotModified(method: request.method, headers: request.headers, etag: etag, lastModified: lastModified) {
            // RFC 9110 §15.4.5: a 304 carries the fields a 200 would have for caching (ETag, Cache-Control, Vary, …).
            var headers = Headers()
            for field in prepared.headers where field.name != "Content-Type" && field.name != "Link" && field.name != "X-Total-Count" {
                headers.add(name: field.name, value: field.value)
            }
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: prepared.status, headers: prepared.headers, body: prepared.body)
    }

    /// The engine's own errors (400, 408, 413, …) get the same CORS and nosniff fields as every other response.
    public func engineError(status: HTTPStatus, detail: String) -> Response {
        var response = EngineProblem.response(status: status, detail: detail)
        for field in cors.responseHeaders(origin: nil) { response.headers.add(name: field.name, value: field.value) }
        response.headers.add(name: "Cache-Control", value: "no-store")
        response.headers.add(name: "X-Content-Type-Options", value: "nosniff")
        return response
    }
}

/// Turns route results into bytes and fields. The same code serves startup precomputation and live queries, so a
/// precomputed response is byte for byte what the live path would produce.
struct Finisher: Sendable {
    let lastModifiedText: String
    let cacheControl: String

    func finish(_ result: RouteResult, instance: String) -> PreparedResponse {
        switch result {
        case .resource(let resource):
            let body = JSONWriter.write(resource.body, pretty: resource.pretty)
            var headers = Headers()
            headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
            headers.add(name: "Content-Language", value: resource.contentLanguage)
            for field in resource.fields { headers.add(name: field.name, value: field.value) }
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
            return PreparedResponse(status: resource.status, headers: headers, body: body, etag: etag)
        case .problem(let problem):
            var headers = Headers()
            headers.add(name: "Content-Type", value: "application/problem+json")
            headers.add(name: "Content-Language", value: "en")
            headers.add(name: "Cache-Control", value: "no-store")
            return PreparedResponse(status: problem.status, headers: headers, body: problem.body(instance: instance), etag: nil)
        case .redirect(let location):
            var headers = Headers()
            headers.add(name: "Location", value: location)
            headers.add(name: "Cache-Control", value: cacheControl)
            return PreparedResponse(status: .movedPermanently, headers: headers, body: [], etag: nil)
        }
    }
}
