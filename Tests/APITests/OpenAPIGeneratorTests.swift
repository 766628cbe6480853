import JSON
import Server
import Testing

@testable import API

/// What a code generator needs of /openapi.json (openapi-python-client is the one CI runs): one verb–noun operation
/// per path, ids as strings rather than today's data, readable enum members, shared parameters defined once.
@Suite struct OpenAPIGeneratorTests {
    let handler: APIHandler
    let document: JSONValue

    init() throws {
        handler = try openAPIHandler()
        document = try JSONParser.parse(openAPIGet(handler, "/openapi.json").body)
    }

    private var paths: [(key: String, value: JSONValue)] { document["paths"]?.objectMembers ?? [] }

    @Test func test_everyOperation_hasAUniqueVerbNounOperationID() {
        var seen: [String: String] = [:]
        for (template, item) in paths {
            let id = item["get"]?["operationId"]?.stringValue ?? ""
            let verbNoun = (id.hasPrefix("get") || id.hasPrefix("list")) && id.contains { $0.isUppercase }
            #expect(verbNoun || id == "search", "\(template): \(id)")
            #expect(id.allSatisfy { $0.isLetter }, "\(template): \(id)")
            #expect(seen[id] == nil, "\(id) names \(template) and \(seen[id] ?? "")")
            seen[id] = template
        }
        let expected = [
            "/countries": "listCountries", "/countries/{id}": "getCountry",
            "/countries/{id}/organizations": "listCountryOrganizations", "/people/{id}": "getPerson",
            "/organizations/{id}/members": "listOrganizationMembers", "/search": "search",
            "/sources": "listSources", "/sources/{id}": "getSource", "/sources/{id}/paragraphs": "listSourceParagraphs",
            "/sources/{id}/paragraphs/{n}": "getSourceParagraph", "/": "getIndex", "/openapi.json": "getOpenAPI",
            "/healthz": "getHealth", "/readyz": "getReadiness", "/metrics": "getMetrics",
        ]
        for (template, id) in expected { #expect(seen[id] == template, "\(id)") }
        #expect(seen.count == handler.router.routes.count)
    }

    /// HEAD and OPTIONS are answered on every path, but described in text, not as operations a generator turns into
    /// functions of their own.
    @Test func test_onlyGETIsAnOperation_HEADAndOPTIONSAreDescribed() {
        for (template, item) in paths {
            let keys = Set(item.objectMembers?.map(\.key) ?? [])
            #expect(keys.isSubset(of: ["get", "parameters"]), "\(template): \(keys.sorted())")
            #expect(item["get"]?["description"]?.stringValue?.contains("HEAD is answered") == true, "\(template)")
        }
        let info = document["info"]?["description"]?.stringValue ?? ""
        #expect(info.contains("OPTIONS") && info.contains("preflight"))
        #expect(openAPIRequest(handler, "HEAD", "/countries/kz").status.code == 200)
        #expect(openAPIRequest(handler, "OPTIONS", "/countries/kz").status.code == 204)
    }

    /// No enum anywhere (path, query or body schema) holds an entity id; the parameters that take ids say so with
    /// string schemas and real examples.
    @Test func test_noEnum_listsEntityIDs_idParametersAreStringsWithExamples() {
        let ids = Set(handler.catalog.allIDs)
        var enums = 0
        openAPIWalk(document, path: []) { value, path in
            guard !path.contains("examples"), let values = value["enum"]?.arrayValue else { return }
            enums += 1
            let listed = values.compactMap(\.stringValue).filter(ids.contains)
            #expect(listed.isEmpty, "\(path.joined(separator: "/")) lists ids \(listed.prefix(3))")
        }
        #expect(enums > 10)
        let parameters = document["components"]?["parameters"] ?? .null
        for name in ["path.countries.id", "paragraphs.mentions", "people.country", "facts.subject"] {
            let schema = parameters[name]?["schema"] ?? .null
            let item = schema["items"] ?? schema
            #expect(item["type"]?.stringValue == "string", "\(name)")
            let examples = item["examples"]?.arrayValue?.compactMap(\.stringValue) ?? []
            #expect(!examples.isEmpty && examples.allSatisfy(ids.contains), "\(name)")
        }
    }

    @Test func test_everyEnum_hasReadableMemberNames_ofTheSameLength() {
        var checked = 0
        openAPIWalk(document, path: []) { value, path in
            guard !path.contains("examples"), let values = value["enum"]?.arrayValue else { return }
            let names = value["x-enum-varnames"]?.arrayValue?.compactMap(\.stringValue) ?? []
            let at = path.joined(separator: "/")
            #expect(names.count == values.count, "\(at)")
            #expect(value["x-enumNames"]?.arrayValue?.count == values.count, "\(at)")
            #expect(Set(names).count == names.count, "\(at): \(names)")
            #expect(
                names.allSatisfy {
                    $0.first?.isLetter == true && $0.allSatisfy { $0.isUppercase || $0.isNumber || $0 == "_" }
                },
                "\(at): \(names)")
            checked += 1
        }
        #expect(checked > 10)
        let sortKey = openAPIResolve(
            document["components"]?["parameters"]?["countries.sort"]?["schema"]?["items"] ?? .null, document)
        let pairs = zip(
            sortKey["enum"]?.arrayValue?.compactMap(\.stringValue) ?? [],
            sortKey["x-enum-varnames"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        let named = Dictionary(uniqueKeysWithValues: pairs.map { ($0, $1) })
        #expect(named["-name.ar"] == "NAME_AR_DESC")
        #expect(named["name.en"] == "NAME_EN")
    }

    @Test func test_memberNames_areUppercaseWords_descendingSuffixed_distinct() {
        #expect(
            OpenAPIEnumNames.memberNames(["-name.ar", "name.ar", "", "1", "joint-statement", "a.b", "a_b"]) == [
                "NAME_AR_DESC", "NAME_AR", "EMPTY", "N1", "JOINT_STATEMENT", "A_B", "A_B_2",
            ])
    }

    /// Every parameter of every operation and path is a `$ref` into `components.parameters`, and the ones that mean
    /// the same everywhere are defined once under their bare name.
    @Test func test_parameters_areSharedReferences() {
        var references: Set<String> = []
        for (template, item) in paths {
            for parameter in (item["get"]?["parameters"]?.arrayValue ?? []) + (item["parameters"]?.arrayValue ?? []) {
                let ref = parameter["$ref"]?.stringValue
                #expect(ref?.hasPrefix("#/components/parameters/") == true, "\(template): \(parameter)")
                ref.map { _ = references.insert($0) }
            }
        }
        for parameter in QueryParameter.allCases where parameter.meansTheSameEverywhere {
            #expect(references.contains("#/components/parameters/\(parameter.rawValue)"), "\(parameter)")
        }
    }

    /// Lists are `style: form, explode: true` (`include=a&include=b`), what generated clients send for arrays.
    @Test func test_arrayParameters_areExplodedForms() {
        var arrays = 0
        for (name, parameter) in document["components"]?["parameters"]?.objectMembers ?? []
        where parameter["schema"]?["type"]?.stringValue == "array" {
            arrays += 1
            #expect(parameter["style"]?.stringValue == "form", "\(name)")
            #expect(parameter["explode"] == .bool(true), "\(name)")
        }
        #expect(arrays > 20)
        let include = document["components"]?["parameters"]?["countries.include"]
        #expect(include?["schema"]?["type"]?.stringValue == "array")
    }
}

private func openAPIRequest(_ handler: APIHandler, _ method: String, _ target: String) -> Response {
    handler.handle(
        Request(
            head: RequestHead(
                method: method, target: target, path: target, query: nil, version: .http1_1,
                headers: Headers([("Host", "t")]))))
}
