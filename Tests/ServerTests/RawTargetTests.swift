import Foundation
import TestSupport
import Testing

@testable import Server

/// RFC 9112 §3.2: a target that is valid but for bytes browsers leave raw gets a 301 to its encoded form (GET, HEAD),
/// is served encoded (OPTIONS, a CORS preflight), or gets a 400 (other methods). The real engine, raw bytes.
@Suite(.serialized) struct RawTargetTests {
    static let raw = "/countries/kz?include=people&fields[people]=name"
    static let location = "../countries/kz?include=people&fields%5Bpeople%5D=name"

    @Test func get_isRedirectedToTheEncodedTarget_andTheConnectionStaysOpen() throws {
        let server = try TestServer()
        let client = try server.client()
        try client.send("GET \(Self.raw) HTTP/1.1\r\nHost: t\r\n\r\n")
        let redirect = try client.readResponse()
        #expect(redirect.status == 301)
        #expect(redirect.header("Location") == Self.location)
        #expect(redirect.header("Connection") == nil)
        #expect(redirect.bodyText.contains(Self.location))
        // The same connection serves the next request.
        try client.send("GET /after HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(try client.readResponse().bodyText == "ok /after")
    }

    @Test func head_isRedirected_withoutABody() throws {
        let server = try TestServer()
        let client = try server.client()
        try client.send("HEAD /a|b HTTP/1.1\r\nHost: t\r\n\r\nGET /after HTTP/1.1\r\nHost: t\r\n\r\n")
        let redirect = try client.readResponse(head: true)
        #expect(redirect.status == 301)
        #expect(redirect.header("Location") == "./a%7Cb")
        #expect(redirect.body.isEmpty)
        #expect(try client.readResponse().bodyText == "ok /after")
    }

    @Test func getWithABody_isRedirectedAfterTheBody_soTheNextRequestIsFoundWhereItStarts() throws {
        let server = try TestServer()
        let client = try server.client()
        // The body is "GET ": unread, it would turn the next request line into "GET GET /after …", a 400.
        try client.send(
            "GET /x{1} HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\n\r\nGET GET /after HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(try client.readResponse().status == 301)
        #expect(try client.readResponse().bodyText == "ok /after")
    }

    @Test func options_isServedAsIfSentEncoded_becauseAPreflightCannotFollowARedirect() throws {
        let server = try TestServer()
        let client = try server.client()
        try client.send("OPTIONS /a[1] HTTP/1.1\r\nHost: t\r\n\r\n")
        let response = try client.readResponse()
        #expect(response.status == 200)
        #expect(response.bodyText == "ok /a%5B1%5D")
    }

    @Test func otherMethods_get400AndClose_asBefore() throws {
        let server = try TestServer()
        let client = try server.client()
        try client.send("POST /echo?x=[1] HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\n\r\nab")
        let response = try client.readResponse()
        #expect(response.status == 400)
        #expect(response.bodyText.contains("percent-encode"))
        #expect(client.isClosedByPeer())
    }

    @Test func aSpaceOrANonASCIIByte_stillGets400AndClose() throws {
        let server = try TestServer()
        for target in ["/a?q=[\"]", "/a?q=[caf\u{E9}]", "/a?q=[<]"] {
            let client = try server.client()
            try client.send("GET \(target) HTTP/1.1\r\nHost: t\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 400, "\(target)")
            #expect(client.isClosedByPeer(), "\(target)")
        }
    }

    @Test func theRedirect_isCountedInMetricsByItsStatus() throws {
        let server = try TestServer()
        let client = try server.client()
        try client.send("GET /a^ HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(try client.readResponse().status == 301)
        let counted = server.server.metrics.snapshot().requests.filter { $0.status == 301 }.map(\.count).reduce(0, +)
        #expect(counted == 1)
    }

    /// The Location climbs to the root by relative segments, so it resolves to the encoded target against the URL the
    /// browser asked for, with or without a prefix a proxy stripped, and never names another host.
    @Test(arguments: [
        ("/countries/kz?fields[people]=name", "../countries/kz?fields%5Bpeople%5D=name"),
        ("/?q={x}", "./?q=%7Bx%7D"),
        ("/a`b", "./a%60b"),
        ("/countries/?q=\\", "../countries/?q=%5C"),
        ("//evil.example/x[", "../..//evil.example/x%5B"),
    ])
    func location_resolvesToTheEncodedTarget_underAnyPrefix(_ target: String, _ expected: String) throws {
        let head = try #require(parsedHead("GET \(target) HTTP/1.1\r\nHost: t\r\n\r\n"))
        #expect(head.targetWasEncoded)
        let location = RawTarget.location(for: head)
        #expect(location == expected)
        for prefix in ["", "/api", "/a/b"] {
            let asked = try #require(URL(string: "http://t\(prefix)\(head.target)"))
            let resolved = try #require(URL(string: location, relativeTo: asked)).absoluteURL
            #expect(resolved.host == "t")
            #expect(resolved.absoluteString == "http://t\(prefix)\(head.target)", "prefix \(prefix)")
        }
    }

    private func parsedHead(_ text: String) -> RequestHead? {
        var parser = RequestHeadParser()
        let outcome = Array(text.utf8).withUnsafeBytes { parser.parse($0) }
        guard case .complete(let head, _) = outcome else { return nil }
        return head
    }
}
