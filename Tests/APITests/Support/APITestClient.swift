import Foundation
import Server
import Store
import TestSupport
import Testing

@testable import API

/// The bundled store, loaded once for every test (it is immutable).
enum BundledStore {
    static let store: Store = {
        do {
            return try Store.load(from: RepositoryPaths.resources.path)
        } catch {
            fatalError("the bundled data must load: \(error)")
        }
    }()

    static let options = APIOptions()

    /// When the bundled data says it last changed (`modified` in its source metadata): every `Last-Modified`.
    static var modified: Int { store.modified }

    /// The handler with default options (relative links, `*` CORS).
    static let client = APITestClient(options: options)
}

/// A response as a test sees it: status, fields, body bytes, and the body as JSON.
struct TestResponse {
    let status: Int
    let headers: Headers
    let body: [UInt8]

    /// The one value of a field (case-insensitive); nil when absent.
    func header(_ name: String) -> String? { headers[HeaderName(name)] }

    /// Every value of a field, in order (duplicates stay visible).
    func headerValues(_ name: String) -> [String] { headers.values(for: HeaderName(name)) }

    /// Names of every field, as sent.
    var headerNames: [String] { headers.fields.map(\.name.rawName) }

    var text: String { String(decoding: body, as: UTF8.self) }

    /// The body decoded with Foundation's JSONSerialization (independent of the server's writer).
    func json() throws -> Any {
        try JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed])
    }

    func object() throws -> [String: Any] {
        try #require(try json() as? [String: Any], "expected a JSON object, got: \(text.prefix(300))")
    }

    /// `data` of a collection envelope.
    func items() throws -> [[String: Any]] {
        try #require(try object()["data"] as? [[String: Any]], "expected data to be an array: \(text.prefix(300))")
    }

    /// `data` of a single resource.
    func item() throws -> [String: Any] {
        try #require(try object()["data"] as? [String: Any], "expected data to be an object: \(text.prefix(300))")
    }

    /// Ids of the rows of a collection, in order.
    func ids() throws -> [String] {
        try items().map { try #require($0["id"] as? String) }
    }

    func meta() throws -> [String: Int] {
        try #require(try object()["meta"] as? [String: Int])
    }

    /// `links` of the envelope; null links come back as nil values.
    func links() throws -> [String: String?] {
        let links = try #require(try object()["links"] as? [String: Any])
        return links.mapValues { $0 as? String }
    }

    /// The `Link` field as rel → target (RFC 8288: `<target>; rel="name"`, comma-separated).
    func linkRelations() -> [String: String] {
        var out: [String: String] = [:]
        guard let value = header("Link") else { return out }
        for part in value.components(separatedBy: ", <") {
            let trimmed = part.hasPrefix("<") ? String(part.dropFirst()) : part
            guard let close = trimmed.firstIndex(of: ">") else { continue }
            let target = String(trimmed[..<close])
            let rest = trimmed[close...]
            guard let relStart = rest.range(of: "rel=\"") else { continue }
            let rel = rest[relStart.upperBound...].prefix { $0 != "\"" }
            out[String(rel)] = target
        }
        return out
    }
}

/// Calls the handler in process: no sockets. `target` is split into the raw path and the raw query, as the
/// engine's parser would; Arabic must be percent-encoded by the caller (see `encoded`).
struct APITestClient: Sendable {
    let handler: APIHandler
    let readiness: Readiness

    init(
        options: APIOptions, readiness: Readiness = Readiness(), store: Store = BundledStore.store,
        assets: StaticAssets = StaticAssets()
    ) {
        self.readiness = readiness
        do {
            handler = try APIHandler(store: store, options: options, readiness: readiness, assets: assets)
        } catch {
            fatalError("the handler must build: \(error)")
        }
    }

    func request(_ method: String, _ target: String, headers: [(String, String)] = [], forwarded: Forwarded? = nil)
        -> TestResponse
    {
        let path: String
        let query: String?
        if let mark = target.firstIndex(of: "?") {
            path = String(target[..<mark])
            query = String(target[target.index(after: mark)...])
        } else {
            path = target
            query = nil
        }
        let head = RequestHead(
            method: method, target: target, path: path, query: query, version: .http1_1, headers: Headers(headers))
        var request = Request(head: head)
        request.forwarded = forwarded
        let response = handler.handle(request)
        return TestResponse(status: response.status.code, headers: response.headers, body: response.body)
    }

    func get(_ target: String, headers: [(String, String)] = []) -> TestResponse {
        request("GET", target, headers: headers)
    }

    func head(_ target: String, headers: [(String, String)] = []) -> TestResponse {
        request("HEAD", target, headers: headers)
    }
}

/// Percent-encodes a query value (Arabic, spaces, reserved characters) the way a browser would.
func encoded(_ value: String) -> String {
    var allowed = CharacterSet.alphanumerics.intersection(
        CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
    allowed.insert(charactersIn: "-._~,")
    return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
}

/// Every string in a JSON value whose key is `href` or which sits under a `links` object, with its key path.
func linkStrings(in value: Any, path: String = "$") -> [(path: String, value: String)] {
    var out: [(path: String, value: String)] = []
    if let object = value as? [String: Any] {
        for (key, member) in object {
            let here = "\(path).\(key)"
            if key == "href", let s = member as? String { out.append((here, s)) }
            if key == "links", let links = member as? [String: Any] {
                for (rel, target) in links { if let s = target as? String { out.append(("\(here).\(rel)", s)) } }
            }
            out += linkStrings(in: member, path: here)
        }
    } else if let array = value as? [Any] {
        for (i, member) in array.enumerated() { out += linkStrings(in: member, path: "\(path)[\(i)]") }
    }
    return out
}
