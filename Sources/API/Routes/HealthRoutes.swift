import Server
import Store

/// `/healthz` (liveness: the process answers) and `/readyz` (readiness: the store is loaded and the replica is not
/// shutting down). Neither is ever cached.
enum HealthRoutes {
    static func register(in router: inout Router, readiness: Readiness) {
        router.get("/healthz") { context in
            guard case .success = CollectionQuery.parse(context.query, grammar: IndexRoute.bare, paragraphCount: 0) else {
                return unknownParameters(context)
            }
            return .resource(Resource(body: .object([(key: "status", value: .string("ok"))]), cacheable: false))
        }
        router.get("/readyz") { context in
            guard case .success = CollectionQuery.parse(context.query, grammar: IndexRoute.bare, paragraphCount: 0) else {
                return unknownParameters(context)
            }
            // The handler exists only once the store has loaded, so "not draining" means ready.
            if readiness.isDraining {
                // Every error is an RFC 9457 problem; problems are never stored.
                return .problem(ProblemDetails(status: .serviceUnavailable, detail: "This replica is shutting down (draining); send new requests elsewhere."))
            }
            return .resource(Resource(body: .object([(key: "status", value: .string("ready"))]), cacheable: false))
        }
    }

    private static func unknownParameters(_ context: RouteContext) -> RouteResult {
        if case .failure(let errors) = CollectionQuery.parse(context.query, grammar: IndexRoute.bare, paragraphCount: 0) {
            return .problem(.invalid(errors))
        }
        return .problem(ProblemDetails(status: .badRequest, detail: "Invalid query."))
    }
}
