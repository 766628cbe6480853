import JSON
import Store

/// Builds the OpenAPI 3.1 document from the route table, the catalog and the routes' own answers, so the document
/// cannot disagree with the server: paths are the router's templates, parameters its grammars, schemas are inferred
/// from the data as served, and examples are real answers to the requests recorded in their `x-request`.
enum OpenAPIDocument {
    /// Every route of `router` is a path, described from its declaration; `router` also answers the examples.
    static func build(router: Router<RouteDefinition>, catalog: Catalog, version: String) -> JSONValue {
        let examples = OpenAPIExamples(runner: OpenAPIExampleRunner(router: router, catalog: catalog))
        let parameters = OpenAPIParameterRegistry()
        let vocabularies = OpenAPIVocabularies()
        var paths: [(String, JSONValue)] = []
        var tags: [String] = []
        for route in router.routes {
            if !tags.contains(route.tag) { tags.append(route.tag) }
            let context = OpenAPIParameters.Context(
                catalog: catalog, vocabularies: vocabularies, prefix: route.kind.vocabularyPrefix)
            paths.append((route.template, pathItem(route, context, examples: examples, parameters: parameters)))
        }
        let indexBody = examples.runner.respond("/").flatMap { $0.status == 200 ? $0.body : nil }
        let document = OpenAPIJSON.object([
            "openapi": .string("3.1.0"),
            "info": OpenAPIJSON.object([
                "title": .string("kazakhstan-api"),
                "version": .string(version),
                "description": .string(description),
            ]),
            "servers": .array([server(catalog.links)]),
            "tags": .array(
                tags.map { OpenAPIJSON.object(["name": .string($0), "description": .string(tagDescription($0))]) }),
            "paths": OpenAPIJSON.object(paths),
            "components": OpenAPIJSON.object([
                "schemas": OpenAPIJSON.object(
                    OpenAPISchemas.all(catalog: catalog, indexBody: indexBody) + vocabularies.components),
                "parameters": OpenAPIJSON.object(parameters.components),
                "responses": OpenAPIResponses.componentResponses(examples),
                "headers": OpenAPIResponses.componentHeaders(),
            ]),
        ])
        return OpenAPIEnumNames.annotate(document)
    }

    /// `--public-url` when configured; else `.`, relative to where this document was fetched (OpenAPI 3.1 resolves a
    /// relative server URL against the document's own): `/` when it is fetched at `/openapi.json`, `/api/` behind
    /// a proxy that mounts the API at `/api/`, so Swagger UI's "Try it out" calls the API under the prefix. The
    /// document itself is the same for every forwarded base.
    private static func server(_ links: LinkBuilder) -> JSONValue {
        if !links.base.isEmpty {
            return OpenAPIJSON.object([
                "url": .string(links.base), "description": .string("This server, at its configured public URL."),
            ])
        }
        return OpenAPIJSON.object([
            "url": .string("."),
            "description": .string(
                "This server: the directory this document was fetched from (`/`, or a proxy's prefix such as `/api/`)."
            ),
        ])
    }

    /// One GET operation per path: HEAD and OPTIONS are answered on every path too, but as operations of their own
    /// they tripled a generated client (a function and models each) for nothing a client calls; the GET's
    /// description and the document's say what they answer.
    private static func pathItem(
        _ route: RouteDefinition, _ context: OpenAPIParameters.Context, examples: OpenAPIExamples,
        parameters: OpenAPIParameterRegistry
    ) -> JSONValue {
        let kind = route.kind
        let query = OpenAPIParameters.query(route.grammar, context).map {
            parameters.reference($0, scope: kind.scope)
        }
        let get = OpenAPIJSON.object([
            "tags": OpenAPIJSON.strings([route.tag]),
            "summary": .string(route.summary),
            "description": .string(operationDescription(route)),
            "operationId": .string(kind.operationID),
            "parameters": .array(query),
            "responses": OpenAPIResponses.get(
                route, examples: examples.examples(examples.requests(for: kind), status: 200)),
        ])
        var item: [(String, JSONValue)] = [("get", get)]
        let pathParameters = OpenAPIParameters.path(kind, catalog: context.catalog).map {
            parameters.reference($0, scope: kind.pathScope)
        }
        if !pathParameters.isEmpty { item.append(("parameters", .array(pathParameters))) }
        return OpenAPIJSON.object(item)
    }

    private static func operationDescription(_ route: RouteDefinition) -> String {
        let grammar = route.grammar
        var text = route.summary + "."
        if route.kind.isCollection {
            text +=
                " A page in the collection envelope (`data`, `meta`, `links`), with the total in X-Total-Count and RFC 8288 Link fields."
        }
        if grammar.requiresQ { text += " `q` is required." }
        text +=
            " Accepts only the query parameters listed (\(grammar.parameterNames.joined(separator: ", "))); any other, a repeated single-valued one or an invalid value is a 400 naming it."
        text +=
            " HEAD is answered too: the same status and fields, without the body (a problem's body included)."
        return text
    }

    private static let description = """
        What one Arabic source document says about Kazakhstan's foreign relations — countries, organizations, visits, \
        initiatives, people, places, events, declarations and facts — every entity and relation cited to its place in the text. \
        Arabic is the original; English is a translation. Text is given as `{"ar", "en"}`; `lang=ar|en` makes every \
        localized field a plain string (or list) in that language (`fields=name.en` still gives `{"en": …}`).

        Every collection takes one query grammar: `limit`, `offset`, `sort=-field,field`, `fields`, `include`, \
        `fields[type]`, `id=a,b` (a batch, in the order given), `lang`, `q`, `cited_in`, `offsets=utf16` (offsets in \
        UTF-16 code units instead of Unicode scalars), `pretty`, and named filters (the items of a list mean OR, \
        different filters AND). `include` makes a compound document: each item lists its related entities under \
        `relationships` (`id`, `type`, `href`), and the top-level `included` holds each of them once (not those \
        already in `data`), narrowed by `fields[type]`. A list is given \
        repeated (`include=a&include=b`, as generated clients send arrays) or as a comma list (`include=a,b`): the two \
        mean the same. An unknown parameter, value or field, or a repeated single-valued parameter, is a 400 \
        `application/problem+json` naming it — never silently ignored. Ids are strings: the examples are today's, and \
        an unknown id is a 404.

        The API is read-only. Each path documents its GET; every path also answers HEAD (the same status and fields, \
        no body) and OPTIONS: 204 with `Allow`, or, for a CORS preflight (`Origin` and \
        `Access-Control-Request-Method`), the fields that let a browser on an allowed origin call it.

        Examples are real responses, computed from the data at startup: each records the request it answers in `x-request` \
        (a GET target) and in its `summary`.
        """

    private static func tagDescription(_ tag: String) -> String {
        switch tag {
        case "service": "The entry point and this document."
        case "health": "Liveness and readiness probes."
        case "search": "Search across every kind and the source text."
        case "sources": "The source document and its paragraphs."
        default: "The \(tag), their sub-collections of related entities."
        }
    }
}
