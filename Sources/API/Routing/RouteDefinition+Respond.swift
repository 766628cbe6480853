import Server

extension RouteDefinition {
    /// The one way a request becomes a route's answer, for live requests, start-up precomputation and the OpenAPI
    /// examples alike: decode the query string, let the route locate the resource its path names, validate the query
    /// against the route's grammar (every problem at once), then run the handler.
    func respond(to match: PathMatch) -> RouteResult {
        let pairs: QueryString
        switch QueryString.parse(match.request.query) {
        case .failure(let error): return .problem(.invalid(ParameterErrors(errors: [error])))
        case .success(let decoded): pairs = decoded
        }
        if let located = locate?(match) { return located }
        let paragraphCount = match.catalog.store.source.paragraphCount
        switch CollectionQuery.parse(pairs, grammar: grammar, known: parameterNames, paragraphCount: paragraphCount) {
        case .failure(let errors):
            return .problem(.invalid(errors))
        case .success(let query):
            if grammar.requiresQ && query.q == nil {
                let detail = "q is required: the text to search for, in Arabic or English."
                return .problem(.invalid(ParameterErrors(errors: [ParameterError(parameter: "q", detail: detail)])))
            }
            return handler(RouteContext(match: match, query: query))
        }
    }
}
