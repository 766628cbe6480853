import Store

/// `/openapi.json`: the OpenAPI 3.1 description of every route.
enum OpenAPIRoute {
    static func register(in router: inout Router, catalog: Catalog, version: String) {
        let templates = router.routes.map(\.template) + ["/openapi.json"]
        router.get("/openapi.json") { context in
            switch CollectionQuery.parse(context.query, grammar: IndexRoute.bare, paragraphCount: 0) {
            case .failure(let errors): return .problem(.invalid(errors))
            case .success(let query):
                return .resource(Resource(body: OpenAPIDocument.build(templates: templates, catalog: catalog, version: version), pretty: query.pretty))
            }
        }
    }
}
