import JSON
import Store

/// `/healthz` (liveness: the process answers) and `/readyz` (readiness: the store is loaded and the replica is not
/// shutting down). Clients never cache either.
enum HealthRoutes {
    static func register(in router: inout Router<RouteDefinition>, readiness: Readiness) {
        router.add(
            RouteDefinition(
                "/healthz", kind: .health, grammar: .prettyOnly, caching: .noStore,
                summary: "Liveness: the process answers", tag: "health"
            ) { context in
                .resource(status("ok", pretty: context.query.pretty))
            })
        router.add(
            RouteDefinition(
                "/readyz", kind: .readiness, grammar: .prettyOnly, caching: .dynamic,
                summary: "Readiness: the store is loaded and the replica is not shutting down", tag: "health"
            ) { context in
                // The handler exists only once the store has loaded, so "not draining" means ready.
                guard !readiness.isDraining else {
                    // Every error is an RFC 9457 problem; problems are never stored.
                    return .problem(
                        ProblemDetails(
                            status: .serviceUnavailable,
                            detail: "This replica is shutting down (draining); send new requests elsewhere."))
                }
                return .resource(status("ready", pretty: context.query.pretty))
            })
    }

    private static func status(_ text: String, pretty: Bool) -> Resource {
        Resource(body: .object([(key: "status", value: .string(text))]), pretty: pretty, contentLanguage: "en")
    }
}
