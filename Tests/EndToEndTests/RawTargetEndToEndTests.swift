import Foundation
import TestSupport
import Testing

/// What `fetch("/countries/kz?include=people&fields[people]=name")` sends: the brackets raw (WHATWG URL leaves them
/// so). The real binary answers 301 to the encoded target with the fields a browser's CORS check needs, and following
/// it gives what the encoded request gives.
@Suite(.serialized) struct RawTargetEndToEndTests {
    static let raw = "/countries/kz?include=people&fields[people]=name"
    static let encoded = "/countries/kz?include=people&fields%5Bpeople%5D=name"

    /// The Location resolved against the URL asked for, as a browser or `curl -L` does (the encoded spelling of that
    /// URL: Foundation's parser refuses raw brackets, and only the last segments matter to a relative reference).
    func resolved(_ location: String) throws -> String {
        let base = try #require(URL(string: "http://t" + Self.encoded))
        let url = try #require(URL(string: location, relativeTo: base)).absoluteURL
        return String(url.absoluteString.dropFirst("http://t".count))
    }

    @Test func rawBrackets_get301ToTheEncodedTarget_andFollowingItGivesTheEncodedRequestsAnswer() throws {
        let server = try ServerProcess.started(["--threads", "1", "--access-log", "off"])
        defer { server.signal(SIGTERM) }
        let client = try server.client()
        try client.send("GET \(Self.encoded) HTTP/1.1\r\nHost: t\r\n\r\n")
        let direct = try client.readResponse()
        #expect(direct.status == 200)

        // One connection throughout: the 301 keeps it open.
        try client.send("GET \(Self.raw) HTTP/1.1\r\nHost: t\r\nOrigin: http://localhost:5173\r\n\r\n")
        let redirect = try client.readResponse()
        #expect(redirect.status == 301)
        let location = try #require(redirect.header("Location"))
        #expect(try resolved(location) == Self.encoded)
        #expect(redirect.header("Access-Control-Allow-Origin") == "*")
        #expect(redirect.header("X-Content-Type-Options") == "nosniff")
        #expect(redirect.header("Connection") == nil)

        try client.send("GET \(try resolved(location)) HTTP/1.1\r\nHost: t\r\n\r\n")
        let followed = try client.readResponse()
        #expect(followed.status == 200)
        #expect(followed.body == direct.body)
        #expect(followed.bodyText.contains(#""included""#))

        try client.send("HEAD \(Self.raw) HTTP/1.1\r\nHost: t\r\n\r\n")
        let head = try client.readResponse(head: true)
        #expect(head.status == 301)
        #expect(head.header("Location") == location)
        #expect(head.body.isEmpty)

        let metrics = try server.client()
        try metrics.send("GET /metrics HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
        #expect(try metrics.readResponse().bodyText.contains(#"status="301""#))
    }

    /// With an allow-list the redirect names the request's origin, as a browser's CORS check on a redirect demands,
    /// and a preflight to the raw URL is answered (a preflight cannot follow a redirect).
    @Test func withAnOriginAllowList_theRedirectGrantsTheRequestsOrigin_andThePreflightIsAnswered() throws {
        let origin = "http://localhost:5173"
        let server = try ServerProcess.started(["--threads", "1", "--access-log", "off", "--cors-origins", origin])
        defer { server.signal(SIGTERM) }
        let client = try server.client()
        try client.send("GET \(Self.raw) HTTP/1.1\r\nHost: t\r\nOrigin: \(origin)\r\n\r\n")
        let redirect = try client.readResponse()
        #expect(redirect.status == 301)
        #expect(redirect.header("Access-Control-Allow-Origin") == origin)
        #expect(redirect.header("Vary")?.contains("Origin") == true)

        try client.send(
            "OPTIONS \(Self.raw) HTTP/1.1\r\nHost: t\r\nOrigin: \(origin)\r\n"
                + "Access-Control-Request-Method: GET\r\nAccess-Control-Request-Headers: x-request-id\r\n\r\n")
        let preflight = try client.readResponse()
        #expect((200..<300).contains(preflight.status))
        #expect(preflight.header("Access-Control-Allow-Origin") == origin)
    }
}
