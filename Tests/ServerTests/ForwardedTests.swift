import TestSupport
import Testing

@testable import Server

struct CIDRTests {
    @Test(arguments: [
        ("10.0.0.0/8", "10.255.1.2", true), ("10.0.0.0/8", "11.0.0.1", false),
        ("127.0.0.1", "127.0.0.1", true), ("127.0.0.1", "127.0.0.2", false),
        ("192.168.1.0/24", "::ffff:192.168.1.7", true),  // dual-stack listeners report IPv4 peers like this
        ("::1", "::1", true), ("fd00::/8", "fd12:3456::1", true), ("fd00::/8", "fe80::1", false),
        ("0.0.0.0/0", "203.0.113.9", true), ("10.0.0.0/8", "not-an-ip", false),
    ])
    func contains_matchesByPrefix(network: String, address: String, expected: Bool) throws {
        let cidr = try #require(CIDR(network))
        #expect(cidr.contains(address) == expected)
    }

    @Test(arguments: ["", "10.0.0.0/33", "::/129", "10.0.0.0/", "10.0.0.0/x", "example.com", "10.0.0.0/8/8"])
    func invalidNetwork_isRejected(text: String) {
        #expect(CIDR(text) == nil)
    }
}

struct ForwardedTests {
    let trusted = [CIDR("10.0.0.0/8")!]

    func read(_ fields: [(String, String)]) -> Forwarded {
        Forwarded.read(Headers(fields), trusted: trusted)
    }

    @Test func xForwardedFor_clientIsTheRightmostUntrustedAddress() {
        // A client-supplied first entry is a lie; nginx appended the real peer; 10.x are our own proxies.
        #expect(read([("X-Forwarded-For", "1.1.1.1, 203.0.113.7, 10.0.0.2")]).client == "203.0.113.7")
        #expect(read([("X-Forwarded-For", "1.1.1.1"), ("X-Forwarded-For", "203.0.113.7")]).client == "203.0.113.7")
    }

    @Test func forwarded_rfc7239_winsOverXForwarded_andHandlesQuotedIPv6() {
        let f = read([
            ("Forwarded", #"for=192.0.2.1, for="[2001:db8::17]:4711";proto=https;host=api.example.com"#),
            ("X-Forwarded-For", "198.51.100.1"), ("X-Forwarded-Proto", "http"),
        ])
        #expect(f.client == "2001:db8::17")
        #expect(f.proto == "https")
        #expect(f.host == "api.example.com")
    }

    @Test func protoHostAndPrefix_areValidated_andNormalized() {
        let f = read([
            ("X-Forwarded-Proto", "HTTPS"), ("X-Forwarded-Host", "Example.COM:8443"), ("X-Forwarded-Prefix", "/api/"),
        ])
        #expect(f.proto == "https")
        #expect(f.host == "example.com:8443")
        #expect(f.prefix == "/api")
        let bad = read([
            ("X-Forwarded-Proto", "gopher"), ("X-Forwarded-Host", "evil.com/path?x"), ("X-Forwarded-Prefix", "api"),
            ("X-Forwarded-For", "<script>"),
        ])
        #expect(bad == Forwarded())
    }

    @Test func accessLogAndRequest_useTheForwardedClient_onlyFromATrustedPeer() throws {
        struct Capture: RequestHandler {
            func handle(_ request: Request) -> Response {
                Response(status: .ok, body: Array("\(request.clientAddress)|\(request.forwarded?.prefix ?? "-")".utf8))
            }
        }
        let trustedServer = try TestServer({ $0.trustedProxies = [CIDR("127.0.0.0/8")!] }, handler: Capture())
        let viaProxy = try trustedServer.client()
        try viaProxy.send(
            "GET / HTTP/1.1\r\nHost: t\r\nX-Forwarded-For: 203.0.113.7\r\nX-Forwarded-Prefix: /api\r\n\r\n")
        #expect(try viaProxy.readResponse().bodyText == "203.0.113.7|/api")

        let untrustedServer = try TestServer({ _ in }, handler: Capture())
        let direct = try untrustedServer.client()
        try direct.send("GET / HTTP/1.1\r\nHost: t\r\nX-Forwarded-For: 203.0.113.7\r\nX-Forwarded-Prefix: /api\r\n\r\n")
        let body = try direct.readResponse().bodyText
        #expect(body.hasPrefix("127.0.0.1:"))
        #expect(body.hasSuffix("|-"))
    }
}
