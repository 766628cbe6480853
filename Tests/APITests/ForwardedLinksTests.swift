import Foundation
import Server
import Store
import Testing

@testable import API

/// Links behind a reverse proxy: a trusted proxy's prefix and host shape every link; `--public-url` overrides them.
@Suite struct ForwardedLinksTests {
    /// Every string under an `href`, `self`, `first`, `prev`, `next`, `last` or `collection` key, and every link in `links`.
    func allLinks(_ value: Any, key: String? = nil) -> [String] {
        switch value {
        case let object as [String: Any]:
            return object.flatMap { allLinks($0.value, key: key == "links" ? "links" : $0.key) }
        case let array as [Any]:
            return array.flatMap { allLinks($0, key: key) }
        case let string as String:
            return ["href", "self", "first", "prev", "next", "last", "collection", "links"].contains(key ?? "")
                ? [string] : []
        default:
            return []
        }
    }

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

    @Test func forwardedHostAndProto_makeLinksAbsolute() throws {
        let response = BundledStore.client.request(
            "GET", "/countries/kz", forwarded: Forwarded(proto: "https", host: "api.example.com", prefix: "/v1"))
        let links = allLinks(try response.json())
        #expect(links.allSatisfy { $0.hasPrefix("https://api.example.com/v1/") })
        #expect(try response.item()["href"] as? String == "https://api.example.com/v1/countries/kz")
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

/// Computed query responses are cached by exact target and served byte-identical.
@Suite struct ResponseCacheTests {
    @Test func repeatedQuery_isServedFromTheCache_withTheSameBytes() {
        let client = APITestClient(options: BundledStore.options)
        let before = client.handler.current.standard.cache.count
        let first = client.get("/organizations?sort=-name.ar&limit=3")
        #expect(client.handler.current.standard.cache.count == before + 1)
        let second = client.get("/organizations?sort=-name.ar&limit=3")
        #expect(client.handler.current.standard.cache.count == before + 1)
        #expect(first.body == second.body)
        #expect(first.header("ETag") == second.header("ETag"))
    }

    @Test func warmUp_encodesTheDeferredSubCollections_withTheBytesTheLivePathGives() {
        let client = APITestClient(options: BundledStore.options)
        let live = client.get("/organizations/oic/members")  // before warm-up: computed, then cached
        #expect(client.handler.prepared["/organizations/oic/members"] == nil)
        client.handler.warmUp()
        #expect(client.handler.current.standard.cache.get("/countries/kz/visits") != nil)
        #expect(client.handler.current.standard.cache.get("/organizations/oic/members")?.body == live.body)
        #expect(client.get("/countries/kz/organizations").status == 200)
    }

    @Test func dynamicRoutes_areNeverCached() {
        let readiness = Readiness()
        let client = APITestClient(options: BundledStore.options, readiness: readiness)
        #expect(client.get("/readyz?pretty").status == 200)
        readiness.markDraining()
        #expect(client.get("/readyz?pretty").status == 503)
    }

    @Test func cache_isBounded() {
        let cache = ResponseCache()
        let response = PreparedResponse(status: .ok, headers: Headers(), body: [1], etag: nil, route: "")
        for i in 0..<(ResponseCache.maxEntries + 10) { cache.put("/k\(i)", response) }
        #expect(cache.count <= ResponseCache.maxEntries)
        #expect(cache.get("/k\(ResponseCache.maxEntries + 9)") != nil)  // the newest survive
    }
}

@Suite struct SuggestionMessageTests {
    @Test func misspelledHeadOfADottedName_suggestsTheDottedNames() throws {
        let response = BundledStore.client.get("/countries?sort=nmae")
        #expect(response.status == 400)
        #expect(response.text.contains("did you mean 'name.ar' or 'name.en'?"))
    }
}
