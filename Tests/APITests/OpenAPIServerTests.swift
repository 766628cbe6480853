import Foundation
import Server
import Testing

@testable import API

/// The document's `servers` URL says where "Try it out" and generated clients send requests. Relative, it resolves
/// against where the document was fetched (OpenAPI 3.1), so the one document works directly and behind a proxy
/// prefix; with `--public-url` it is that URL.
@Suite struct OpenAPIServerTests {
    /// Where a client that fetched the document at `documentURL` sends `GET path` (Swagger UI: the server URL
    /// resolved against the document's, its trailing slash dropped, then the path).
    static func requestURL(server: String, documentURL: String, path: String) throws -> String {
        let resolved = try #require(URL(string: server, relativeTo: URL(string: documentURL))).absoluteString
        return (resolved.hasSuffix("/") ? String(resolved.dropLast()) : resolved) + path
    }

    static func serverURL(_ response: TestResponse) throws -> String {
        let servers = try #require(try response.object()["servers"] as? [[String: Any]])
        return try #require(servers.first?["url"] as? String)
    }

    @Test func behindAProxyPrefix_theServerResolvesUnderThePrefix() throws {
        var options = BundledStore.options
        options.forwardedHosts = ["api.example.com"]
        let client = APITestClient(options: options)
        let cases: [(Forwarded?, String, String)] = [
            (nil, "http://localhost:8080/openapi.json", "http://localhost:8080/countries"),
            (
                Forwarded(prefix: "/api"), "http://localhost:8080/api/openapi.json",
                "http://localhost:8080/api/countries"
            ),
            (
                Forwarded(proto: "https", host: "api.example.com", prefix: "/v1"),
                "https://api.example.com/v1/openapi.json", "https://api.example.com/v1/countries"
            ),
        ]
        for (forwarded, documentURL, expected) in cases {
            let response = client.request("GET", "/openapi.json", forwarded: forwarded)
            #expect(response.status == 200)
            let server = try Self.serverURL(response)
            #expect(try Self.requestURL(server: server, documentURL: documentURL, path: "/countries") == expected)
        }
    }

    @Test func withAPublicURL_theServerIsThatURL() throws {
        var options = BundledStore.options
        options.publicURL = "https://api.example.com/v1/"
        let response = APITestClient(options: options).get("/openapi.json")
        #expect(try Self.serverURL(response) == "https://api.example.com/v1")
    }
}
