import JSON
import Store

/// The responses of each operation, and the shared ones in `components.responses` and `components.headers`.
enum OpenAPIResponses {
    /// GET: the 200 body with its fields and examples, and every other status the route can answer.
    static func get(_ kind: OpenAPIPathKind, examples: JSONValue?) -> JSONValue {
        var content: [(String, JSONValue)] = [
            (
                "schema",
                kind.bodySchema.map { OA.ref($0) }
                    ?? OA.object([
                        "type": .string("object"), "description": .string("An OpenAPI 3.1 document."),
                    ])
            )
        ]
        if let examples { content.append(("examples", examples)) }
        let body: JSONValue =
            kind == .metrics
            ? OA.object([
                "text/plain; version=0.0.4; charset=utf-8": OA.object(["schema": OA.object(["type": .string("string")])]
                )
            ])
            : OA.object(["application/json": OA.object(content)])
        let ok: [(String, JSONValue)] = [
            ("description", .string("OK")),
            ("headers", headers(kind)),
            ("content", body),
        ]
        var responses: [(String, JSONValue)] = [("200", OA.object(ok))]
        if kind == .readiness {
            responses.append(
                (
                    "503",
                    OA.object([
                        "description": .string("Draining: shutdown has begun; route no new traffic here."),
                        "headers": OA.object([
                            "Cache-Control": OA.ref("Cache-Control", in: "headers"),
                            "Content-Language": OA.ref("Content-Language", in: "headers"),
                        ]),
                        "content": OA.object([
                            "application/problem+json": OA.object(["schema": OA.ref("ProblemDetails")])
                        ]),
                    ])
                ))
        }
        responses += shared(kind)
        return OA.object(responses)
    }

    /// HEAD: the same statuses and fields as GET, without bodies.
    static func head(_ kind: OpenAPIPathKind) -> JSONValue {
        var responses: [(String, JSONValue)] = [
            ("200", OA.object(["description": .string("OK, without the body."), "headers": headers(kind)]))
        ]
        if kind == .readiness {
            responses.append(("503", OA.object(["description": .string("Draining, without the body.")])))
        }
        for (status, _) in shared(kind) {
            responses.append(
                (
                    status,
                    OA.object(["description": .string(headDescriptions[status] ?? "As for GET, without the body.")])
                ))
        }
        return OA.object(responses)
    }

    static let headDescriptions = [
        "301": "Moved permanently: the canonical URL is in Location.",
        "304": "Not modified.",
        "400": "Bad request: an invalid query parameter (the problem body is omitted for HEAD).",
        "404": "Not found (the problem body is omitted for HEAD).",
        "405": "Method not allowed.",
        "414": "The request line is longer than the server's limit.",
    ]

    /// OPTIONS: `Allow`, or a CORS preflight answer.
    static var options: JSONValue {
        OA.object([
            "204": OA.object([
                "description": .string(
                    "The allowed methods (Allow), or the CORS preflight fields when the request is a preflight."),
                "headers": OA.object(["Allow": OA.ref("Allow", in: "headers")]),
            ])
        ])
    }

    private static func shared(_ kind: OpenAPIPathKind) -> [(String, JSONValue)] {
        var responses: [(String, JSONValue)] = []
        if kind.redirects { responses.append(("301", OA.ref("MovedPermanently", in: "responses"))) }
        if kind.isCacheable { responses.append(("304", OA.ref("NotModified", in: "responses"))) }
        responses.append(("400", OA.ref("BadRequest", in: "responses")))
        if kind.hasPathParameters { responses.append(("404", OA.ref("NotFound", in: "responses"))) }
        responses.append(("405", OA.ref("MethodNotAllowed", in: "responses")))
        responses.append(("414", OA.ref("URITooLong", in: "responses")))
        return responses
    }

    /// The fields of a 200: validators on cacheable resources, totals and links on collections.
    private static func headers(_ kind: OpenAPIPathKind) -> JSONValue {
        var fields: [(String, JSONValue)] = [("Cache-Control", OA.ref("Cache-Control", in: "headers"))]
        // Metrics are text in no natural language; every JSON answer says its languages.
        if kind != .metrics { fields.append(("Content-Language", OA.ref("Content-Language", in: "headers"))) }
        if kind.isCacheable {
            fields.append(("ETag", OA.ref("ETag", in: "headers")))
            fields.append(("Last-Modified", OA.ref("Last-Modified", in: "headers")))
        }
        if kind.isCollection {
            fields.append(("X-Total-Count", OA.ref("X-Total-Count", in: "headers")))
            fields.append(("Link", OA.ref("Link", in: "headers")))
        }
        return OA.object(fields)
    }

    static func componentHeaders() -> JSONValue {
        func header(_ description: String, _ schema: JSONValue, required: Bool = true) -> JSONValue {
            OA.object(["description": .string(description), "required": .bool(required), "schema": schema])
        }
        let string = OA.type("string")
        return OA.object([
            "ETag": header(
                "A strong validator of the body (RFC 9110 §8.8.3); send it back in If-None-Match for a 304.", string),
            "Last-Modified": header("When the data was loaded (an HTTP-date).", string),
            "Cache-Control": header(
                "`public, max-age=N` for cacheable answers, `no-store` for health and errors.", string),
            "Content-Language": header(
                "`ar, en` for bilingual bodies, the one language asked for with `lang`, `en` for problems.", string),
            "X-Total-Count": header(
                "Items matching the query, as in `meta.total`.",
                OA.object(["type": .string("integer"), "minimum": .integer(0)])),
            "Link": header("RFC 8288 links: first, prev, next, last.", string),
            "Location": header("The canonical URL of the resource, with the same query.", string),
            "Allow": header("The methods every resource allows: GET, HEAD, OPTIONS.", string),
        ])
    }

    static func componentResponses(_ examples: OpenAPIExamples) -> JSONValue {
        func problem(_ description: String, examples: JSONValue?, allow: Bool = false, engine: Bool = false)
            -> JSONValue
        {
            var media: [(String, JSONValue)] = [("schema", OA.ref("ProblemDetails"))]
            if let examples { media.append(("examples", examples)) }
            // The engine's own errors carry only Cache-Control.
            var fields: [(String, JSONValue)] = [("Cache-Control", OA.ref("Cache-Control", in: "headers"))]
            if !engine { fields.append(("Content-Language", OA.ref("Content-Language", in: "headers"))) }
            if allow { fields.append(("Allow", OA.ref("Allow", in: "headers"))) }
            return OA.object([
                "description": .string(description),
                "headers": OA.object(fields),
                "content": OA.object(["application/problem+json": OA.object(media)]),
            ])
        }
        return OA.object([
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
            "NotModified": OA.object([
                "description": .string("The client's copy (If-None-Match or If-Modified-Since) is current."),
                "headers": OA.object([
                    "ETag": OA.ref("ETag", in: "headers"),
                    "Cache-Control": OA.ref("Cache-Control", in: "headers"),
                    "Last-Modified": OA.ref("Last-Modified", in: "headers"),
                ]),
            ]),
            "MovedPermanently": OA.object([
                "description": .string(
                    "The id was given in another letter case (or, for a country, as its alpha-3 code): the canonical URL is in Location."
                ),
                "headers": OA.object([
                    "Location": OA.ref("Location", in: "headers"),
                    "Cache-Control": OA.ref("Cache-Control", in: "headers"),
                ]),
            ]),
        ])
    }
}
