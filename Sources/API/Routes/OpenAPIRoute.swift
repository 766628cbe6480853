import Store

/// `/openapi.json`: the OpenAPI 3.1 description of every route, built once at startup (its examples are answers of
/// the routes registered before it, which never change while the process runs).
enum OpenAPIRoute {
    static func register(in router: inout Router, catalog: Catalog, version: String) {
        let templates = router.routes.map(\.template) + ["/openapi.json"]
        let document = OpenAPIDocument.build(templates: templates, catalog: catalog, version: version, router: router)
        router.get("/openapi.json") { context in
            switch CollectionQuery.parse(context.query, grammar: IndexRoute.bare, paragraphCount: 0) {
            case .failure(let errors): return .problem(.invalid(errors))
            case .success(let query): return .resource(Resource(body: document, pretty: query.pretty))
            }
        }
    }
}
