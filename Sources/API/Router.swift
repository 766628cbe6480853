import Server

/// A static route table: method-independent path patterns of literal segments and `{parameter}` segments.
/// GET and HEAD share routes (the engine strips HEAD bodies); OPTIONS and other methods are answered here.
struct Router: Sendable {
    typealias Handler = @Sendable (RouteContext) -> RouteResult

    enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
    }

    struct Route: Sendable {
        let template: String
        let segments: [Segment]
        let handler: Handler
    }

    private(set) var routes: [Route] = []

    mutating func get(_ template: String, _ handler: @escaping Handler) {
        let segments = Router.split(template).map { s -> Segment in
            s.hasPrefix("{") && s.hasSuffix("}") ? .parameter(String(s.dropFirst().dropLast())) : .literal(String(s))
        }
        routes.append(Route(template: template, segments: segments, handler: handler))
    }

    enum Match {
        case found(Route, parameters: [String: String])
        case notFound
        /// A segment was not valid percent-encoded UTF-8.
        case badPath
    }

    /// Splits the raw path on `/` first and percent-decodes each segment after, so an encoded `%2F` stays inside
    /// its segment and cannot forge another route.
    func match(path: String) -> Match {
        var decoded: [String] = []
        for raw in Router.split(path) {
            guard let segment = PercentEncoding.decode(raw) else { return .badPath }
            decoded.append(segment)
        }
        routeLoop: for route in routes where route.segments.count == decoded.count {
            var parameters: [String: String] = [:]
            for (segment, value) in zip(route.segments, decoded) {
                switch segment {
                case .literal(let literal): if literal != value { continue routeLoop }
                case .parameter(let name): parameters[name] = value
                }
            }
            return .found(route, parameters: parameters)
        }
        return .notFound
    }

    /// `/` is the root (no segments). Empty segments (`//`, a trailing `/`) are kept, so `/healthz/` is not
    /// `/healthz`: one resource, one URL.
    private static func split(_ path: String) -> [Substring] {
        path == "/" ? [] : Array(path.split(separator: "/", omittingEmptySubsequences: false).dropFirst())
    }
}

/// What a route handler sees: the request, the values of its `{parameters}`, the decoded query and the catalog.
struct RouteContext: Sendable {
    let request: Request
    let parameters: [String: String]
    let query: QueryString
    let catalog: Catalog

    var path: String { request.path }
}
