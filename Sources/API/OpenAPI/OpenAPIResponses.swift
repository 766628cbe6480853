import JSON
import Store

/// The responses of each operation, and the shared ones in `components.responses` and `components.headers`.
enum OpenAPIResponses {
    /// GET: the 200 body with its fields and examples, and every other status the route can answer.
    static func get(_ route: RouteDefinition, examples: JSONValue?) -> JSONValue {
        let kind = route.kind
        var content: [(String, JSONValue)] = [
            (
                "schema",
                kind.bodySchema.map { OpenAPIJSON.ref($0) }
                    ?? OpenAPIJSON.object([
                        "type": .string("object"), "description": .string("An OpenAPI 3.1 document."),
                    ])
            )
        ]
        if let examples { content.append(("examples", examples)) }
        let body: JSONValue =
            kind == .metrics
            ? OpenAPIJSON.object([
                "text/plain; version=0.0.4; charset=utf-8": OpenAPIJSON.object([
                    "schema": OpenAPIJSON.object(["type": .string("string")])
                ]
                )
            ])
            : OpenAPIJSON.object(["application/json": OpenAPIJSON.object(content)])
        let ok: [(String, JSONValue)] = [
            ("description", .string("OK")),
            ("headers", headers(route)),
            ("content", body),
        ]
        var responses: [(String, JSONValue)] = [("200", OpenAPIJSON.object(ok))]
        if kind == .readiness {
            responses.append(
                (
                    "503",
                    OpenAPIJSON.object([
                        "description": .string("Draining: shutdown has begun; route no new traffic here."),
                        "headers": OpenAPIJSON.object([
                            "Cache-Control": OpenAPIJSON.ref("Cache-Control", in: "headers"),
                            "Content-Language": OpenAPIJSON.ref("Content-Language", in: "headers"),
                        ]),
                        "content": OpenAPIJSON.object([
                            "application/problem+json": OpenAPIJSON.object(["schema": OpenAPIJSON.ref("ProblemDetails")]
                            )
                        ]),
                    ])
                ))
        }
        responses += shared(route)
        return OpenAPIJSON.object(responses)
    }

    private static func shared(_ route: RouteDefinition) -> [(String, JSONValue)] {
        var responses: [(String, JSONValue)] = []
        if route.kind.redirects { responses.append(("301", OpenAPIJSON.ref("MovedPermanently", in: "responses"))) }
        if route.caching.allowsClientCaching {
            responses.append(("304", OpenAPIJSON.ref("NotModified", in: "responses")))
        }
        responses.append(("400", OpenAPIJSON.ref("BadRequest", in: "responses")))
        if route.kind.hasPathParameters { responses.append(("404", OpenAPIJSON.ref("NotFound", in: "responses"))) }
        responses.append(("405", OpenAPIJSON.ref("MethodNotAllowed", in: "responses")))
        responses.append(("414", OpenAPIJSON.ref("URITooLong", in: "responses")))
        return responses
    }

    /// The fields of a 200: validators on cacheable resources, totals and links on collections.
    private static func headers(_ route: RouteDefinition) -> JSONValue {
        var fields: [ResponseField] = [.cacheControl]
        // Metrics are text in no natural language; every JSON answer says its languages.
        if route.kind != .metrics { fields.append(.contentLanguage) }
        if route.caching.allowsClientCaching { fields += [.etag, .lastModified] }
        if route.kind.isCollection { fields += [.totalCount, .link] }
        return OpenAPIJSON.object(fields.map { ($0.rawValue, OpenAPIJSON.ref($0.rawValue, in: "headers")) })
    }

    /// `components.headers`: every field `ResponseField` describes.
    static func componentHeaders() -> JSONValue {
        OpenAPIJSON.object(
            ResponseField.allCases.compactMap { field in
                guard let (text, isInteger) = field.openAPIDescription else { return nil }
                let schema =
                    isInteger
                    ? OpenAPIJSON.object(["type": .string("integer"), "minimum": .integer(0)])
                    : OpenAPIJSON.type("string")
                return (
                    field.rawValue,
                    OpenAPIJSON.object(["description": .string(text), "required": .bool(true), "schema": schema])
                )
            })
    }

    static func componentResponses(_ examples: OpenAPIExamples) -> JSONValue {
        func problem(_ description: String, examples: JSONValue?, allow: Bool = false, engine: Bool = false)
            -> JSONValue
        {
            var media: [(String, JSONValue)] = [("schema", OpenAPIJSON.ref("ProblemDetails"))]
            if let examples { media.append(("examples", examples)) }
            // The engine's own errors carry only Cache-Control.
            var fields: [(String, JSONValue)] = [("Cache-Control", OpenAPIJSON.ref("Cache-Control", in: "headers"))]
            if !engine { fields.append(("Content-Language", OpenAPIJSON.ref("Content-Language", in: "headers"))) }
            if allow { fields.append(("Allow", OpenAPIJSON.ref("Allow", in: "headers"))) }
            return OpenAPIJSON.object([
                "description": .string(description),
                "headers": OpenAPIJSON.object(fields),
                "content": OpenAPIJSON.object(["application/problem+json": OpenAPIJSON.object(media)]),
            ])
        }
        return OpenAPIJSON.object([
            "BadRequest": problem(
                "An unknown parameter, a repeated one, or an invalid value: every one is named in `errors`.",
                examples: examples.examples(examples.badRequest, status: 400)),
            "NotFound": problem(
                "No such entity, source or paragraph.", examples: examples.examples(examples.notFound, status: 404)),
            "MethodNotAllowed": problem(
                "Any method but GET, HEAD and OPTIONS: the API is read-only.", examples: nil, allow: true),
            "URITooLong": problem(
                "The request line (method, path and query) is longer than the server's limit; answered by the HTTP engine, which closes the connection.",
                examples: nil, engine: true),
            "NotModified": OpenAPIJSON.object([
                "description": .string("The client's copy (If-None-Match or If-Modified-Since) is current."),
                "headers": OpenAPIJSON.object([
                    "ETag": OpenAPIJSON.ref("ETag", in: "headers"),
                    "Cache-Control": OpenAPIJSON.ref("Cache-Control", in: "headers"),
                    "Last-Modified": OpenAPIJSON.ref("Last-Modified", in: "headers"),
                ]),
            ]),
            "MovedPermanently": OpenAPIJSON.object([
                "description": .string(
                    "The id was given in another letter case (or, for a country, as its alpha-3 code): the canonical URL is in Location."
                ),
                "headers": OpenAPIJSON.object([
                    "Location": OpenAPIJSON.ref("Location", in: "headers"),
                    "Cache-Control": OpenAPIJSON.ref("Cache-Control", in: "headers"),
                ]),
            ]),
        ])
    }
}
