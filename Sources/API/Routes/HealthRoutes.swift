import Server
import Store

/// `/healthz` (liveness: the process answers) and `/readyz` (readiness: the store is loaded and the replica is not
/// shutting down). Neither is ever cached.
enum HealthRoutes {
    static func register(in router: inout Router, readiness: Readiness) {
        router.get("/healthz") { context in
            switch CollectionQuery.parse(context.query, grammar: IndexRoute.bare, paragraphCount: 0) {
            case .failure(let errors): return .problem(.invalid(errors))
            case .success(let query):
                return .resource(
                    Resource(
                        body: .object([(key: "status", value: .string("ok"))]), pretty: query.pretty,
                        contentLanguage: "en", cacheable: false))
            }
        }
        router.get("/readyz") { context in
            switch CollectionQuery.parse(context.query, grammar: IndexRoute.bare, paragraphCount: 0) {
            case .failure(let errors): return .problem(.invalid(errors))
            case .success(let query):
                // The handler exists only once the store has loaded, so "not draining" means ready.
                if readiness.isDraining {
                    // Every error is an RFC 9457 problem; problems are never stored.
                    return .problem(
                        ProblemDetails(
                            status: .serviceUnavailable,
                            detail: "This replica is shutting down (draining); send new requests elsewhere."))
                }
                return .resource(
                    Resource(
                        body: .object([(key: "status", value: .string("ready"))]), pretty: query.pretty,
                        contentLanguage: "en", cacheable: false))
            }
        }
    }
}
