import Store

/// Builds the OpenAPI 3.1 document from the route table, so the two can never disagree.
enum OpenAPIDocument {
    static func build(templates: [String], catalog: Catalog, version: String) -> JSONValue {
        let paths: [(key: String, value: JSONValue)] = templates.map { template in
            (key: template, value: .object([(key: "get", value: .object([(key: "responses", value: .object([(key: "200", value: .object([(key: "description", value: .string("OK"))]))]))]))]))
        }
        return .object([
            (key: "openapi", value: .string("3.1.0")),
            (key: "info", value: .object([(key: "title", value: .string("kazakhstan-api")), (key: "version", value: .string(version))])),
            (key: "paths", value: .object(paths)),
        ])
    }
}
