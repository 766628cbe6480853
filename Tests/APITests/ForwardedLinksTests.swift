import Foundation
import Server
import Store
import TestSupport
import Testing

@testable import API

/// Links behind a reverse proxy: a trusted proxy's prefix and host shape every link; `--public-url` overrides them.
@Suite struct ForwardedLinksTests {
    func allLinks(_ value: Any) -> [String] { TestSupport.allLinks(in: value) }

    @Test func forwardedPrefix_putsEveryLinkUnderIt() throws {
        let client = BundledStore.client
        for target in [
            "/", "/countries/kz", "/organizations?limit=2", "/sources/kazakhstan-foreign-relations/paragraphs/3",
            "/organizations/oic/members",
        ] {
            let response = client.request("GET", target, forwarded: Forwarded(prefix: "/api"))
            #expect(response.status == 200)
            let links = allLinks(try response.json())
            #expect(!links.isEmpty, "\(target)")
            #expect(
                links.allSatisfy { $0.hasPrefix("/api/") },
                "\(target): \(links.filter { !$0.hasPrefix("/api/") }.prefix(3))")
        }
        let redirect = client.request("GET", "/countries/KAZ", forwarded: Forwarded(prefix: "/api"))
        #expect(redirect.status == 301)
        #expect(redirect.header("Location") == "/api/countries/kz")
    }

    @Test func forwardedHostAndProto_makeLinksAbsolute_whenTheHostIsAllowed() throws {
        var options = BundledStore.options
        options.forwardedHosts = ["api.example.com"]
        let response = APITestClient(options: options).request(
            "GET", "/countries/kz", forwarded: Forwarded(proto: "https", host: "api.example.com", prefix: "/v1"))
        let links = allLinks(try response.json())
        #expect(links.allSatisfy { $0.hasPrefix("https://api.example.com/v1/") })
        #expect(try response.item()["href"] as? String == "https://api.example.com/v1/countries/kz")
    }

    /// Without `--forwarded-hosts`, a forwarded host is never used: a proxy passing the client's `Host` on cannot
    /// let clients choose where links point. The prefix still applies.
    @Test func withoutAnAllowList_noForwardedHostIsUsed() throws {
        let response = BundledStore.client.request(
            "GET", "/countries/kz", forwarded: Forwarded(proto: "https", host: "evil.example", prefix: "/api"))
        #expect(try response.item()["href"] as? String == "/api/countries/kz")
        #expect(allLinks(try response.json()).allSatisfy { $0.hasPrefix("/api/") })
    }

    /// A host not on the list is ignored as if none were sent: relative links under the prefix, and no slot of its
    /// own, however many such hosts arrive; the allowed host keeps its absolute links.
    @Test func unlistedHosts_areIgnored_andTakeNoSlot() throws {
        var options = BundledStore.options
        options.forwardedHosts = ["api.example.com"]
        let client = APITestClient(options: options)
        let allowed = Forwarded(proto: "https", host: "api.example.com", prefix: "/api")
        #expect(
            try client.request("GET", "/countries", forwarded: allowed).items().first?["href"] as? String
                == "https://api.example.com/api/countries/kz")
        for i in 0..<50 {
            let junk = Forwarded(proto: "https", host: "junk\(i).example", prefix: "/api")
            let response = client.request("GET", "/countries", forwarded: junk)
            let links = allLinks(try response.json())
            #expect(!links.isEmpty && links.allSatisfy { $0.hasPrefix("/api/") }, "junk\(i)")
        }
        #expect(client.handler.forwardedBaseCount == 2, "the allowed base and the bare /api prefix")
        let after = client.request("GET", "/countries/kz", forwarded: allowed)
        #expect(try after.item()["href"] as? String == "https://api.example.com/api/countries/kz")
    }

    @Test func anAllowedHost_needsItsPort_asTheProxySendsIt() throws {
        var options = BundledStore.options
        options.forwardedHosts = ["api.example.com:8443"]
        let client = APITestClient(options: options)
        let withPort = client.request("GET", "/countries/kz", forwarded: Forwarded(host: "api.example.com:8443"))
        #expect(try withPort.item()["href"] as? String == "http://api.example.com:8443/countries/kz")
        let withoutPort = client.request("GET", "/countries/kz", forwarded: Forwarded(host: "api.example.com"))
        #expect(try withoutPort.item()["href"] as? String == "/countries/kz")
    }

    /// Bases beyond the cap get the configured links (relative here) rather than memory of their own.
    @Test func basesBeyondTheCap_getTheConfiguredLinks() throws {
        let client = APITestClient(options: BundledStore.options)
        for i in 0..<16 {
            let response = client.request("GET", "/countries/kz", forwarded: Forwarded(prefix: "/p\(i)"))
            #expect(try response.item()["href"] as? String == "/p\(i)/countries/kz")
        }
        let beyond = client.request("GET", "/countries/kz", forwarded: Forwarded(prefix: "/p16"))
        #expect(try beyond.item()["href"] as? String == "/countries/kz")
        let query = client.request("GET", "/countries?limit=1", forwarded: Forwarded(prefix: "/p17"))
        #expect(try query.items().first?["href"] as? String == "/countries/kz")
        #expect(client.handler.forwardedBaseCount == 16)
    }

    @Test func unknownPaths_buildNoVariantForTheirBase() {
        let client = APITestClient(options: BundledStore.options)
        #expect(client.request("GET", "/no/such/thing", forwarded: Forwarded(prefix: "/p1")).status == 404)
        #expect(client.handler.forwardedBaseCount == 0)
        #expect(client.request("GET", "/countries", forwarded: Forwarded(prefix: "/p3")).status == 200)
        #expect(client.handler.forwardedBaseCount == 1)
    }

    @Test func withoutForwarding_linksStayRelative_andTheSameBytesAsBefore() {
        let plain = BundledStore.client.get("/countries/kz")
        let forwardedNothing = BundledStore.client.request(
            "GET", "/countries/kz", forwarded: Forwarded(client: "203.0.113.9"))
        #expect(plain.body == forwardedNothing.body)
    }

    @Test func publicURL_overridesForwardedFields() throws {
        var options = BundledStore.options
        options.publicURL = "https://data.example.org/kz"
        let client = APITestClient(options: options)
        let response = client.request(
            "GET", "/countries/kz", forwarded: Forwarded(proto: "http", host: "internal:8080", prefix: "/api"))
        #expect(allLinks(try response.json()).allSatisfy { $0.hasPrefix("https://data.example.org/kz/") })
    }

    @Test func differentPrefixes_getDifferentETags_samePrefix_theSame() {
        let a = BundledStore.client.request("GET", "/countries/kz", forwarded: Forwarded(prefix: "/a"))
        let a2 = BundledStore.client.request("GET", "/countries/kz", forwarded: Forwarded(prefix: "/a"))
        let b = BundledStore.client.request("GET", "/countries/kz", forwarded: Forwarded(prefix: "/b"))
        #expect(a.header("ETag") == a2.header("ETag"))
        #expect(a.header("ETag") != b.header("ETag"))
    }
}

@Suite struct SuggestionMessageTests {
    @Test func misspelledHeadOfADottedName_suggestsTheDottedNames() throws {
        let response = BundledStore.client.get("/countries?sort=nmae")
        #expect(response.status == 400)
        #expect(response.text.contains("did you mean 'name.ar' or 'name.en'?"))
    }
}
