import Server

extension DatasetResponder {
    /// A static file: GET and HEAD get the variant the client accepts (304 when its ETag matches), OPTIONS the
    /// allowed methods, anything else 405. A query is refused as it is on the API's routes, naming its parameters:
    /// the pages read their own state from the fragment (`/reader#p3`), never from the query.
    func respond(_ request: Request, page: StaticResponses.Variants) -> Response {
        switch request.method {
        case "GET", "HEAD":
            if let query = request.query, !query.isEmpty {
                let errors: [ParameterError]
                switch QueryString.parse(query) {
                case .success(let parsed):
                    errors = parsed.pairs.map {
                        ParameterError(parameter: $0.name, detail: "\(request.path) takes no query parameters.")
                    }
                case .failure(let error): errors = [error]
                }
                // Only empty pieces (`?&`): nothing to name, nothing refused.
                guard !errors.isEmpty else { return send(variant(page, request), request, lastModified: .max) }
                let problem = ProblemDetails.invalid(ParameterErrors(errors: errors))
                return send(
                    preparer.prepare(
                        .problem(problem), instance: request.head.target, route: page.identity.route,
                        caching: .dynamic),
                    request)
            }
            return send(variant(page, request), request, lastModified: .max)
        case "OPTIONS":
            return direct(
                .noContent, [(ResponseField.allow.name, APIHandler.allowedMethods)], route: page.identity.route)
        default:
            return methodNotAllowed(request, route: page.identity.route)
        }
    }

    /// The gzip variant when there is one and the client accepts it, else the identity.
    private func variant(_ page: StaticResponses.Variants, _ request: Request) -> PreparedResponse {
        guard let gzip = page.gzip, AcceptEncoding.acceptsGzip(request.headers) else { return page.identity }
        return gzip
    }

    /// `/docs/` and `/reader/`: a 301 to the page, as people type it with a slash. The Location is relative
    /// (`../docs`), so it stays under a proxy's prefix, and the page's own relative URLs (`openapi.json`) resolve
    /// from the slashless path as they must.
    func pageWithoutSlash(_ request: Request) -> Response? {
        guard request.path.count > 1, request.path.hasSuffix("/") else { return nil }
        let page = String(request.path.dropLast())
        guard statics[page] != nil, let name = page.split(separator: "/").last else { return nil }
        let location = "../\(name)" + (request.query.map { "?" + $0 } ?? "")
        return send(
            preparer.prepare(
                .redirect(location: location), instance: request.head.target, route: page, caching: .dynamic),
            request)
    }
}
