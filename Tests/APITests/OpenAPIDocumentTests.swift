import JSON
import Server
import TestSupport
import Testing

@testable import API
@testable import Store

/// The document served at /openapi.json, checked against the server that serves it: its paths are the router's,
/// its examples are real answers, and its parameters are exactly the ones each route accepts.
@Suite struct OpenAPIDocumentTests {
    let handler: APIHandler
    let document: JSONValue

    init() throws {
        handler = try openAPIHandler()
        let response = openAPIGet(handler, "/openapi.json")
        #expect(response.status.code == 200)
        document = try JSONParser.parse(response.body)
    }

    @Test func test_paths_areExactlyTheRouterTemplates() {
        let documented = Set(document["paths"]?.objectMembers?.map(\.key) ?? [])
        let routed = Set(handler.router.routes.map(\.template))
        #expect(
            documented.subtracting(routed).isEmpty,
            "documented but not routed: \(documented.subtracting(routed).sorted())")
        #expect(
            routed.subtracting(documented).isEmpty,
            "routed but not documented: \(routed.subtracting(documented).sorted())")
    }

    @Test func test_document_isOpenAPI31_withRelativeServer() {
        #expect(document["openapi"]?.stringValue == "3.1.0")
        #expect(document["servers"]?.arrayValue?.first?["url"]?.stringValue == ".")
        #expect(document["info"]?["description"]?.stringValue?.contains("Arabic is the original") == true)
    }

    @Test func test_everyReference_resolves() {
        var refs: [String] = []
        openAPIWalk(document, path: []) { value, _ in
            if let ref = value["$ref"]?.stringValue { refs.append(ref) }
        }
        #expect(!refs.isEmpty)
        for ref in Set(refs) {
            let parts = ref.split(separator: "/").dropFirst().map(String.init)
            var target: JSONValue? = document
            for part in parts { target = target?[part] }
            #expect(ref.hasPrefix("#/components/") && target != nil, "dangling \(ref)")
        }
    }

    /// Each example names its request in `x-request`; asking it again gives the same bytes and the status it is
    /// documented under.
    @Test func test_everyExample_isTheRealResponseToItsRequest() throws {
        var count = 0
        var failures: [String] = []
        openAPIWalk(document, path: []) { value, path in
            guard let target = value["x-request"]?.stringValue, let example = value["value"] else { return }
            count += 1
            let response = openAPIGet(handler, target)
            if JSONWriter.write(example) != response.body { failures.append("body of \(target)") }
            if let i = path.lastIndex(of: "responses"), i + 1 < path.count, let code = Int(path[i + 1]),
                code != response.status.code
            {
                failures.append("status of \(target): documented \(code), got \(response.status.code)")
            }
        }
        #expect(failures.isEmpty, "\(failures)")
        #expect(count >= 60)
    }

    @Test func test_everyPathButTheDocumentItself_hasA200Example() {
        // /metrics changes with every request, so no recorded example of it could be a real response.
        for (template, item) in document["paths"]?.objectMembers ?? []
        where template != "/openapi.json" && template != "/metrics" {
            let examples =
                item["get"]?["responses"]?["200"]?["content"]?["application/json"]?["examples"]?.objectMembers ?? []
            #expect(!examples.isEmpty, "no example for \(template)")
        }
    }

    @Test func test_examples_areInArabicAndEnglish() throws {
        let examples = document["paths"]?["/countries/{id}"]?["get"]?["responses"]?["200"]?["content"]?[
            "application/json"]?["examples"]
        let full = try #require(examples?["full"]?["value"]?["data"]?["name"])
        #expect(full["ar"]?.stringValue?.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) } == true)
        #expect(full["en"]?.stringValue?.isEmpty == false)
        #expect(examples?["en"]?["value"]?["data"]?["name"]?.stringValue?.isEmpty == false)
    }

    /// Every parameter a path lists, with its example and with each of its allowed values (up to a dozen), is
    /// answered 200 — on every path, so each family is covered.
    @Test func test_everyListedParameter_isAccepted() {
        var requests = 0
        var failures: [String] = []
        for (template, item) in document["paths"]?.objectMembers ?? [] {
            let path = openAPIConcretePath(template, item: item, document: document)
            let parameters = openAPIQueryParameters(item, document: document)
            let base = parameters.filter { $0["required"] == .bool(true) }.compactMap { p in
                p["name"]?.stringValue.flatMap { name in p["example"].map { openAPIPair(name, $0, parameter: p) } }
            }
            for parameter in parameters {
                guard let name = parameter["name"]?.stringValue else { continue }
                var values: [JSONValue] = parameter["example"].map { [$0] } ?? []
                let schema = parameter["schema"].map { openAPIResolve($0, document) }
                let items = schema?["items"].map { openAPIResolve($0, document) }
                for allowed in (schema?["enum"] ?? items?["enum"])?.arrayValue?.prefix(12) ?? [] {
                    values.append(schema?["type"]?.stringValue == "array" ? .array([allowed]) : allowed)
                }
                #expect(!values.isEmpty, "\(template) \(name) has no example")
                for value in values {
                    let query =
                        (base.filter { !$0.hasPrefix(name + "=") } + [
                            openAPIPair(name, value, parameter: parameter)
                        ]).joined(separator: "&")
                    let status = openAPIGet(handler, path + "?" + query).status.code
                    requests += 1
                    if status != 200 { failures.append("\(path)?\(query) → \(status)") }
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(20))")
        #expect(requests > 500)
    }

    /// Every parameter name the document uses anywhere, asked of a path that does not list it, is a 400; so is a
    /// made-up one. This is what catches a single-entity path that would quietly take `limit`.
    @Test func test_unlistedParameters_areRejected() {
        let paths = document["paths"]?.objectMembers ?? []
        var everyName: Set<String> = ["unlisted_parameter"]
        for (_, item) in paths {
            for p in openAPIQueryParameters(item, document: document) {
                p["name"]?.stringValue.map { _ = everyName.insert($0) }
            }
        }
        var failures: [String] = []
        for (template, item) in paths {
            let path = openAPIConcretePath(template, item: item, document: document)
            let listed = openAPIQueryParameters(item, document: document)
            let names = Set(listed.compactMap { $0["name"]?.stringValue })
            let base = listed.filter { $0["required"] == .bool(true) }.compactMap { p in
                p["name"]?.stringValue.flatMap { name in p["example"].map { openAPIPair(name, $0, parameter: p) } }
            }
            for name in everyName.subtracting(names).sorted() {
                let query = (base + ["\(name)=1"]).joined(separator: "&")
                let status = openAPIGet(handler, path + "?" + query).status.code
                if status != 400 { failures.append("\(path)?\(query) → \(status)") }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(20))")
    }

    /// The other direction: every parameter a route's grammar accepts is in its path's documentation, so a new
    /// parameter cannot be accepted and silently left out of the document.
    @Test func test_everyAcceptedParameter_isDocumented() {
        for route in handler.router.routes {
            let item = document["paths"]?[route.template] ?? .null
            let documented = Set(
                openAPIQueryParameters(item, document: document).compactMap { $0["name"]?.stringValue })
            let grammar = route.grammar
            let accepted = grammar.parameterNames.filter { name in
                // Left out on purpose: parameters no value can satisfy (a grammar with no field names, no sort keys).
                if name == "fields" { return !grammar.fieldNames.isEmpty }
                if name == "sort" { return !grammar.sortFields.isEmpty }
                return !(grammar.filters.first { $0.name == name }?.allowed.isEmpty ?? false)
            }
            #expect(documented == Set(accepted), "\(route.template)")
        }
    }

    @Test func test_search_requiresQ() {
        let q = openAPIQueryParameters(document["paths"]?["/search"] ?? .null, document: document).first {
            $0["name"]?.stringValue == "q"
        }
        #expect(q?["required"] == .bool(true))
        #expect(openAPIGet(handler, "/search").status.code == 400)
    }

    /// Ids are strings with a few real ids as examples, never an enum of today's data: a client generated from this
    /// document keeps working with another `--data` or a new entity.
    @Test func test_entityPaths_takeStringIDs_withRealExamples_andDocumentRedirects() {
        let item = document["paths"]?["/countries/{id}"] ?? .null
        let id = openAPIResolve(item["parameters"]?.arrayValue?.first ?? .null, document)
        #expect(id["schema"]?["type"]?.stringValue == "string")
        #expect(id["schema"]?["enum"] == nil)
        let examples = id["schema"]?["examples"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(examples.contains("kz"))
        #expect(item["get"]?["responses"]?["301"] != nil)
        #expect(item["get"]?["responses"]?["404"] != nil)
        #expect(openAPIGet(handler, "/countries/KAZ").status.code == 301)
    }

    @Test func test_document_isDeterministic() throws {
        let again = openAPIGet(try openAPIHandler(), "/openapi.json").body
        #expect(again == openAPIGet(handler, "/openapi.json").body)
        #expect(again == JSONWriter.write(document))
    }
}

// MARK: - Helpers (prefixed `openAPI`: other files of this target are written concurrently; OpenAPIGeneratorTests
// uses the internal ones)

func openAPIHandler() throws -> APIHandler {
    try APIHandler(store: try Store.load(from: RepositoryPaths.resources.path))
}

func openAPIGet(_ handler: APIHandler, _ target: String) -> Response {
    let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
    let head = RequestHead(
        method: "GET", target: target, path: String(parts[0]), query: parts.count > 1 ? String(parts[1]) : nil,
        version: .http1_1, headers: Headers([("Host", "t")]))
    return handler.handle(Request(head: head))
}

/// Calls `visit` on every object of the document with its key path.
func openAPIWalk(_ value: JSONValue, path: [String], _ visit: (JSONValue, [String]) -> Void) {
    switch value {
    case .object(let members):
        visit(value, path)
        for member in members { openAPIWalk(member.value, path: path + [member.key], visit) }
    case .array(let items):
        for (i, item) in items.enumerated() { openAPIWalk(item, path: path + ["\(i)"], visit) }
    default:
        break
    }
}

func openAPIResolve(_ value: JSONValue, _ document: JSONValue) -> JSONValue {
    guard let ref = value["$ref"]?.stringValue else { return value }
    var target: JSONValue? = document
    for part in ref.split(separator: "/").dropFirst() { target = target?[String(part)] }
    return target ?? .null
}

private func openAPIQueryParameters(_ item: JSONValue, document: JSONValue) -> [JSONValue] {
    (item["get"]?["parameters"]?.arrayValue ?? []).map { openAPIResolve($0, document) }
}

/// The template with each path parameter replaced by its example.
private func openAPIConcretePath(_ template: String, item: JSONValue, document: JSONValue) -> String {
    var path = template
    for parameter in (item["parameters"]?.arrayValue ?? []).map({ openAPIResolve($0, document) }) {
        guard let name = parameter["name"]?.stringValue, let example = parameter["example"] else { continue }
        path = path.openAPIReplacing("{\(name)}", with: openAPIText(example))
    }
    return path
}

/// `name=value` as the parameter's `style: form` serializes it: an array exploded is the name repeated per item, else
/// comma-joined; each item percent-encoded.
private func openAPIPair(_ name: String, _ value: JSONValue, parameter: JSONValue) -> String {
    if parameter["explode"] == .bool(true), case .array(let items) = value, !items.isEmpty {
        return items.map { "\(name)=\(openAPIText($0))" }.joined(separator: "&")
    }
    return "\(name)=\(openAPIText(value))"
}

private func openAPIText(_ value: JSONValue) -> String {
    switch value {
    case .array(let items): return items.map(openAPIText).joined(separator: ",")
    case .string(let s): return QueryEncoding.encode(s)
    default: return String(decoding: JSONWriter.write(value), as: UTF8.self)
    }
}

extension String {
    fileprivate func openAPIReplacing(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
