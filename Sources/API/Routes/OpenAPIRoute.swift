import JSON
import Store

/// `/openapi.json`: the OpenAPI 3.1 description of every route, built once at startup (its examples are answers of
/// the routes registered before it, which never change while the process runs).
enum OpenAPIRoute {
    /// Registers the route; the document goes into `slot` once built (see `build`), before any request is served.
    static func register(in router: inout Router<RouteDefinition>, slot: OpenAPIDocumentSlot) {
        router.add(
            RouteDefinition(
                "/openapi.json", kind: .openAPI, grammar: .prettyOnly, summary: "This OpenAPI document", tag: "service"
            ) { context in
                .resource(Resource(body: slot.document, pretty: context.query.pretty))
            })
    }
}

/// Holds the OpenAPI document, which is built on another thread while the other responses are precomputed. Written
/// once during `APIHandler.init` (joined before init returns), only read afterwards.
final class OpenAPIDocumentSlot: @unchecked Sendable {
    // @unchecked: the single write happens before the handler is published to any event loop.
    var document: JSONValue = .null
}
