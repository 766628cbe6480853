import FoundationEssentials
import Server
import Store

/// Answers an example request through the real route table, the way APIHandler precomputes responses: the same
/// handler, context and catalog, so an example body is the body the server sends for that request.
struct OpenAPIExampleRunner {
    let router: Router
    let catalog: Catalog

    /// The status and JSON body of `GET target`, or nil when no route matches or the answer has no body.
    func respond(_ target: String) -> (status: Int, body: JSONValue)? {
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let path = String(parts[0])
        let query = parts.count > 1 ? String(parts[1]) : nil
        guard case .found(let route, let parameters) = router.match(path: path),
              case .success(let queryString) = QueryString.parse(query) else { return nil }
        let head = RequestHead(method: "GET", target: target, path: path, query: query, version: .http1_1, headers: Headers())
        let context = RouteContext(request: Request(head: head), parameters: parameters, query: queryString, catalog: catalog)
        switch route.handler(context) {
        case .resource(let resource):
            return (resource.status.code, resource.body)
        case .problem(let problem):
            // The problem's bytes are what the server sends (with `instance` = the target, as the Finisher does);
            // decoding them back keeps this file from restating the problem's shape.
            guard let body = try? JSONDecoder().decode(DecodedJSON.self, from: Data(problem.body(instance: target))) else { return nil }
            return (problem.status.code, body.value)
        case .redirect:
            return nil
        }
    }
}

/// Any JSON text as a `JSONValue`, through the toolchain's decoder (the Store's parser is internal to it).
struct DecodedJSON: Decodable {
    let value: JSONValue

    init(from decoder: any Decoder) throws {
        if var array = try? decoder.unkeyedContainer() {
            var items: [JSONValue] = []
            while !array.isAtEnd { items.append(try array.decode(DecodedJSON.self).value) }
            value = .array(items)
        } else if let object = try? decoder.container(keyedBy: AnyKey.self) {
            value = .object(try object.allKeys.map { (key: $0.stringValue, value: try object.decode(DecodedJSON.self, forKey: $0).value) })
        } else {
            let single = try decoder.singleValueContainer()
            if single.decodeNil() {
                value = .null
            } else if let b = try? single.decode(Bool.self) {
                value = .bool(b)
            } else if let n = try? single.decode(Int.self) {
                value = .integer(n)
            } else if let d = try? single.decode(Double.self) {
                value = .number(d, isInteger: false)
            } else {
                value = .string(try single.decode(String.self))
            }
        }
    }

    struct AnyKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
