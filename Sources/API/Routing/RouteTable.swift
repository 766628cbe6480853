import Server
import Store

/// Every route the API serves, registered in one place. Order matters only among parameterised templates (literal
/// paths always win), and it is the order of the OpenAPI document's paths.
enum RouteTable {
    static func build(
        catalog: Catalog, options: APIOptions, readiness: Readiness, metrics: ServerMetrics, reloads: ReloadCounters,
        openAPI: OpenAPIDocumentSlot, cache: ResponseCache
    ) -> Router<RouteDefinition> {
        var router = Router<RouteDefinition>()
        IndexRoute.register(in: &router, version: options.version)
        HealthRoutes.register(in: &router, readiness: readiness)
        MetricsRoute.register(
            in: &router, metrics: metrics, reloads: reloads, version: options.version, store: catalog.store,
            cache: cache)
        EntityRoutes.register(in: &router, catalog: catalog)
        SourceRoutes.register(in: &router, catalog: catalog)
        SearchRoute.register(in: &router)
        OpenAPIRoute.register(in: &router, slot: openAPI)
        return router
    }
}
