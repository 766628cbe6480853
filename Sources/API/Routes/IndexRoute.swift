import JSON
import Store

/// `/`: what this API is and where everything is.
enum IndexRoute {
    static func register(in router: inout Router<RouteDefinition>, version: String) {
        router.add(
            RouteDefinition(
                "/", kind: .index, grammar: .localizedOnly, summary: "What this API is and where everything is",
                tag: "service"
            ) { context in
                body(context, version: version)
            })
    }

    /// How many items each collection holds (its unfiltered `X-Total-Count`): every entity kind, the sources, and
    /// the paragraphs of every source together.
    private static func counts(_ catalog: Catalog) -> JSONValue {
        let sources = catalog.sourceCatalog
        let kinds: [(key: String, value: JSONValue)] = EntityKind.allCases.map {
            (key: $0.rawValue, value: .integer(catalog.items[$0]?.count ?? 0))
        }
        return .object(
            kinds + [
                (key: "sources", value: .integer(sources.sources.count)),
                (key: "paragraphs", value: .integer(sources.paragraphs.values.reduce(0) { $0 + $1.count })),
            ])
    }

    private static func body(_ context: RouteContext, version: String) -> RouteResult {
        let catalog = context.catalog
        let links = catalog.links
        var collections: [(key: String, value: JSONValue)] = EntityKind.allCases.map {
            (key: $0.rawValue, value: .string(links.collection($0)))
        }
        collections += [
            (key: "self", value: .string(links.url("/"))),
            (key: "sources", value: .string(links.sources())),
            (key: "search", value: .string(links.url("/search"))),
            (key: "openapi", value: .string(links.url("/openapi.json"))),
            (key: "health", value: .string(links.url("/healthz"))),
            (key: "ready", value: .string(links.url("/readyz"))),
        ]
        let body: JSONValue = .object([
            (key: "name", value: .string("kazakhstan-api")),
            (
                key: "description",
                value: .object([
                    (
                        key: "ar",
                        value: .string(
                            "ما يقوله نص عربي واحد عن العلاقات الخارجية لكازاخستان: الدول والمنظمات والزيارات والمبادرات، وكل معلومة موثقة بموضعها من النص."
                        )
                    ),
                    (
                        key: "en",
                        value: .string(
                            "What one Arabic source document says about Kazakhstan's foreign relations: countries, organizations, visits and initiatives, every fact cited to its place in the text."
                        )
                    ),
                ])
            ),
            (key: "version", value: .string(version)),
            (key: "dataset_version", value: .string(catalog.store.datasetVersion)),
            (key: "counts", value: counts(catalog)),
            (key: "links", value: .object(collections)),
        ])
        let query = context.query
        return .resource(
            Resource(
                body: query.lang.map { Localizer.localize(body, to: $0) } ?? body, pretty: query.pretty,
                contentLanguage: query.contentLanguage))
    }
}
