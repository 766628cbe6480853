import JSON
import Store

/// `/openapi.json`: the OpenAPI 3.1 description of every route, built once at startup (its examples are answers of
/// the routes registered before it, which never change while the process runs).
enum OpenAPIRoute {
    /// Registers the route; the document goes into `slot` once built (see `build`), before any request is served.
    static func register(in router: inout Router, slot: OpenAPIDocumentSlot) {
        router.get("/openapi.json") { context in
            switch CollectionQuery.parse(context.query, grammar: IndexRoute.bare, paragraphCount: 0) {
            case .failure(let errors): return .problem(.invalid(errors))
            case .success(let query): return .resource(Resource(body: slot.document, pretty: query.pretty))
            }
        }
    }

    /// The document for `router`, the route table without `/openapi.json` itself (which is added to its paths).
    static func build(router: Router, catalog: Catalog, version: String) -> JSONValue {
        let templates = router.routes.map(\.template) + ["/openapi.json"]
        return OpenAPIDocument.build(templates: templates, catalog: catalog, version: version, router: router)
    }
}

/// Holds the OpenAPI document, which is built on another thread while the other responses are precomputed. Written
/// once during `APIHandler.init` (joined before init returns), only read afterwards.
final class OpenAPIDocumentSlot: @unchecked Sendable {
    // @unchecked: the single write happens before the handler is published to any event loop.
    var document: JSONValue = .null
}
