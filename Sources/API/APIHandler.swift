import Server

/// The API's entry point for the engine: routes requests and answers OPTIONS, 404 and 405 itself.
public struct APIHandler: RequestHandler {
    private let router: Router

    public init() {
        var router = Router()
        HealthRoutes.register(in: &router)
        self.router = router
    }

    /// The methods every resource allows: the API is read-only.
    static let allowedMethods = "GET, HEAD, OPTIONS"

    public func handle(_ request: Request) -> Response {
        if request.path == "*" {
            // `OPTIONS *` asks about the server as a whole (RFC 9110 §9.3.7).
            return Response(status: .noContent, headers: Headers([("Allow", APIHandler.allowedMethods)]))
        }
        switch router.match(path: request.path) {
        case .badPath:
            return Problem.response(.badRequest, detail: "The path is not valid percent-encoded UTF-8.", instance: request.path)
        case .notFound:
            return Problem.response(.notFound, detail: "No resource at \(request.path).", instance: request.path)
        case .found(let route, let parameters):
            switch request.method {
            case "GET", "HEAD":
                return route.handler(RouteRequest(request: request, parameters: parameters))
            case "OPTIONS":
                return Response(status: .noContent, headers: Headers([("Allow", APIHandler.allowedMethods)]))
            default:
                var response = Problem.response(.methodNotAllowed, detail: "\(request.method) is not allowed here; this API is read-only.", instance: request.path)
                response.headers.add(name: "Allow", value: APIHandler.allowedMethods)
                return response
            }
        }
    }
}
