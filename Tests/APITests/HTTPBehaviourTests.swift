import Foundation
import Server
import Store
import Testing

@testable import API

/// Targets covering every kind of 200: index, collection, entity, sub-collection, source, paragraph, search, query.
private let sampleTargets = [
    "/", "/countries", "/countries/kz", "/organizations/oic/members",
    "/sources/kazakhstan-foreign-relations/paragraphs/3",
    "/facts?category=economy&sort=-id", "/search?q=Qatar", "/openapi.json",
]

/// Fields, caching, conditional requests, CORS, methods, errors and link bases: the HTTP contract of every endpoint.
@Suite struct HTTPBehaviourTests {
    let client = BundledStore.client
    let lastModified = HTTPDate.format(secondsSince1970: BundledStore.modified)

    // MARK: - Representation fields

    @Test(arguments: sampleTargets)
    func every200_isUTF8JSON_withAStrongETagOfItsExactBytes_andCachingFields(target: String) throws {
        let response = client.get(target)
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "application/json; charset=utf-8")
        #expect(response.header("X-Content-Type-Options") == "nosniff")
        let etag = try #require(response.header("ETag"))
        #expect(etag.hasPrefix("\"") && etag.hasSuffix("\""), "strong: no W/ prefix")
        #expect(etag == EntityTag.strong(for: response.body).headerValue, "the tag hashes the body sent")
        #expect(response.header("Cache-Control") == "public, max-age=\(BundledStore.options.cacheMaxAge)")
        #expect(response.header("Last-Modified") == lastModified)
        #expect(!response.text.contains("\\u"), "no \\u escapes")
        #expect(!response.text.contains("\\/"), "no escaped slashes")
        _ = try response.json()
    }

    @Test func differentRepresentations_haveDifferentETags() throws {
        let tags = Set(sampleTargets.compactMap { client.get($0).header("ETag") })
        #expect(tags.count == sampleTargets.count)
    }

    @Test func anETag_isStableAcrossHandlers_builtFromTheSameData() throws {
        let other = APITestClient(options: BundledStore.options)
        for target in sampleTargets {
            #expect(client.get(target).header("ETag") == other.get(target).header("ETag"), "\(target)")
        }
    }

    // MARK: - Conditional requests

    @Test(arguments: sampleTargets)
    func ifNoneMatch_withTheCurrentTag_is304_withNoBody_andTheCachingAndCORSFields(target: String) throws {
        let fresh = client.get(target)
        let etag = try #require(fresh.header("ETag"))
        let opaque = String(etag.dropFirst().dropLast())
        for condition in [etag, "W/\(etag)", "*", "\"nope\", \(etag)", "\"a\", W/\"\(opaque)\""] {
            let response = client.get(target, headers: [("If-None-Match", condition)])
            #expect(response.status == 304, "If-None-Match: \(condition)")
            #expect(response.body.isEmpty)
            #expect(response.header("ETag") == etag)
            #expect(response.header("Cache-Control") == fresh.header("Cache-Control"))
            #expect(response.header("Last-Modified") == lastModified)
            #expect(response.header("Access-Control-Allow-Origin") == "*")
            #expect(response.header("Access-Control-Expose-Headers") == fresh.header("Access-Control-Expose-Headers"))
            #expect(response.header("X-Content-Type-Options") == "nosniff")
            // Representation metadata stays with the 200 (RFC 9110 §15.4.5).
            for name in ["Content-Type", "Content-Language", "Link", "X-Total-Count", "Content-Length"] {
                #expect(response.header(name) == nil, "\(name) on a 304")
            }
        }
        let head = client.head(target, headers: [("If-None-Match", etag)])
        #expect(head.status == 304)
    }

    @Test func ifNoneMatch_withAnotherTag_is200() throws {
        let response = client.get("/countries/kz", headers: [("If-None-Match", "\"0000000000000000\", W/\"abc\"")])
        #expect(response.status == 200)
        #expect(!response.body.isEmpty)
    }

    @Test func ifNoneMatch_overTwoFieldLines_matchesAnyListedTag() throws {
        let etag = try #require(client.get("/countries").header("ETag"))
        let response = client.get("/countries", headers: [("If-None-Match", "\"x\""), ("If-None-Match", etag)])
        #expect(response.status == 304)
    }

    @Test func ifModifiedSince_atOrAfterLoadTime_is304_andBefore_is200() throws {
        let target = "/countries/kz"
        #expect(client.get(target, headers: [("If-Modified-Since", lastModified)]).status == 304, "equal")
        let later = HTTPDate.format(secondsSince1970: BundledStore.modified + 3600)
        #expect(client.get(target, headers: [("If-Modified-Since", later)]).status == 304, "later")
        let earlier = HTTPDate.format(secondsSince1970: BundledStore.modified - 1)
        let response = client.get(target, headers: [("If-Modified-Since", earlier)])
        #expect(response.status == 200, "earlier")
        #expect(!response.body.isEmpty)
        #expect(
            client.get(target, headers: [("If-Modified-Since", "not a date")]).status == 200,
            "an invalid date is ignored")
        // Also on a live (not precomputed) response.
        #expect(client.get("/countries?limit=1", headers: [("If-Modified-Since", lastModified)]).status == 304)
    }

    @Test func ifNoneMatch_takesPrecedenceOverIfModifiedSince() throws {
        let response = client.get(
            "/countries/kz", headers: [("If-None-Match", "\"other\""), ("If-Modified-Since", lastModified)])
        #expect(response.status == 200)
    }

    @Test func errorsAndHealth_areNeverRevalidated() throws {
        #expect(client.get("/nowhere", headers: [("If-None-Match", "*")]).status == 404)
        #expect(client.get("/countries?bad=1", headers: [("If-None-Match", "*")]).status == 400)
        #expect(client.get("/healthz", headers: [("If-None-Match", "*")]).status == 200)
    }

    // MARK: - HEAD

    @Test(arguments: sampleTargets + ["/nowhere", "/countries?sort=nope", "/countries/KAZ"])
    func head_hasTheSameStatusFieldsAndBodyAsGet(target: String) throws {
        let get = client.get(target)
        let head = client.head(target)
        #expect(head.status == get.status)
        #expect(head.headers == get.headers)
        #expect(head.body == get.body, "the engine strips a HEAD body later")
    }

    // MARK: - Methods

    @Test(arguments: ["POST", "PUT", "DELETE", "PATCH"])
    func otherMethods_are405_withAllow_asProblemJSON(method: String) throws {
        for target in ["/countries", "/countries/kz", "/"] {
            let response = client.request(method, target)
            #expect(response.status == 405, "\(method) \(target)")
            #expect(response.header("Allow") == "GET, HEAD, OPTIONS")
            #expect(response.header("Content-Type") == "application/problem+json")
            #expect(response.header("Access-Control-Allow-Origin") == "*")
            #expect(response.header("X-Content-Type-Options") == "nosniff")
            let problem = try response.object()
            #expect(problem["status"] as? Int == 405)
            #expect(problem["instance"] as? String == target)
        }
    }

    @Test func options_withoutPreflight_answersAllow() throws {
        let response = client.request("OPTIONS", "/countries/kz")
        #expect(response.status == 204)
        #expect(response.header("Allow") == "GET, HEAD, OPTIONS")
        #expect(response.body.isEmpty)
        #expect(response.header("X-Content-Type-Options") == "nosniff")
    }

    // MARK: - Problems

    @Test func anUnknownPath_is404ProblemJSON_withEveryMember() throws {
        let response = client.get("/nowhere/at/all?x=1")
        #expect(response.status == 404)
        #expect(response.header("Content-Type") == "application/problem+json")
        #expect(response.header("Cache-Control") == "no-store")
        #expect(response.header("Access-Control-Allow-Origin") == "*")
        #expect(response.header("X-Content-Type-Options") == "nosniff")
        let problem = try response.object()
        #expect(problem["type"] as? String == "about:blank")
        #expect(problem["title"] as? String == "Not Found")
        #expect(problem["status"] as? Int == 404)
        #expect((problem["detail"] as? String)?.isEmpty == false)
        #expect(problem["instance"] as? String == "/nowhere/at/all?x=1")
        #expect(problem["errors"] == nil)
        // One resource, one URL: a trailing slash is another path.
        #expect(client.get("/countries/").status == 404)
    }

    @Test func a400_isProblemJSON_withAnErrorPerBadParameter() throws {
        let response = client.get("/countries?sort=nope&offset=-3")
        #expect(response.status == 400)
        #expect(response.header("Content-Type") == "application/problem+json")
        let problem = try response.object()
        #expect(problem["type"] as? String == "about:blank")
        #expect(problem["title"] as? String == "Bad Request")
        #expect(problem["status"] as? Int == 400)
        #expect(problem["instance"] as? String == "/countries?sort=nope&offset=-3")
        let detail = try #require(problem["detail"] as? String)
        #expect(detail.contains("sort") && detail.contains("offset"))
        let errors = try #require(problem["errors"] as? [[String: String]])
        #expect(errors.map { $0["parameter"] ?? "" }.sorted() == ["offset", "sort"])
        #expect(errors.allSatisfy { Set($0.keys) == ["parameter", "detail"] })
    }

    // MARK: - CORS

    @Test func cors_byDefault_allowsAnyOrigin_onEveryResponse_andExposesTheAPIFields() throws {
        for (target, status) in [
            ("/countries", 200), ("/nowhere", 404), ("/countries?x=1", 400), ("/countries/KAZ", 301),
        ] {
            let response = client.get(target, headers: [("Origin", "https://example.org")])
            #expect(response.status == status)
            #expect(response.header("Access-Control-Allow-Origin") == "*", "\(target)")
            let exposed = Set(
                (response.header("Access-Control-Expose-Headers") ?? "").split(separator: ",").map {
                    $0.trimmingCharacters(in: .whitespaces)
                })
            #expect(exposed.isSuperset(of: ["ETag", "Link", "X-Total-Count", "Content-Language"]), "\(target)")
            #expect(response.header("Vary") == nil, "* is the same for everyone")
        }
    }

    @Test func cors_withAnAllowList_echoesAListedOrigin_withVaryOrigin_andGrantsNoOtherOrigin() throws {
        var options = BundledStore.options
        options.corsOrigins = "https://app.example.com, http://localhost:3000"
        let client = APITestClient(options: options)

        let listed = client.get("/countries/kz", headers: [("Origin", "http://localhost:3000")])
        #expect(listed.status == 200)
        #expect(listed.header("Access-Control-Allow-Origin") == "http://localhost:3000")
        #expect(listed.headerValues("Vary").contains("Origin"))
        #expect(listed.header("Access-Control-Expose-Headers")?.contains("ETag") == true)

        let unlisted = client.get("/countries/kz", headers: [("Origin", "https://evil.example")])
        #expect(unlisted.status == 200)
        #expect(unlisted.header("Access-Control-Allow-Origin") == nil)
        #expect(unlisted.headerValues("Vary").contains("Origin"))

        // 304s and errors carry them too.
        let etag = try #require(listed.header("ETag"))
        let notModified = client.get(
            "/countries/kz", headers: [("Origin", "https://app.example.com"), ("If-None-Match", etag)])
        #expect(notModified.status == 304)
        #expect(notModified.header("Access-Control-Allow-Origin") == "https://app.example.com")
        #expect(notModified.headerValues("Vary").contains("Origin"))
        let error = client.get("/nowhere", headers: [("Origin", "https://app.example.com")])
        #expect(error.header("Access-Control-Allow-Origin") == "https://app.example.com")
    }

    /// A query's answer is computed once and cached by target; what varies by request (the Origin's CORS fields)
    /// is added after the cache, so the second origin never receives the first one's grant.
    @Test func aCachedQueryAnswer_carriesTheCORSFieldsOfEachRequestsOrigin() {
        var options = BundledStore.options
        options.corsOrigins = "https://app.example.com, http://localhost:3000"
        let client = APITestClient(options: options)
        let target = "/countries?sort=-id&limit=3"
        let first = client.get(target, headers: [("Origin", "https://app.example.com")])
        let second = client.get(target, headers: [("Origin", "http://localhost:3000")])
        let stranger = client.get(target, headers: [("Origin", "https://evil.example")])
        #expect(first.body == second.body)
        #expect(first.header("Access-Control-Allow-Origin") == "https://app.example.com")
        #expect(second.header("Access-Control-Allow-Origin") == "http://localhost:3000")
        #expect(stranger.headerValues("Access-Control-Allow-Origin").isEmpty)
        #expect(stranger.headerValues("Vary").contains("Origin"))
    }

    @Test func aPreflight_is204_withMethodsRequestedHeadersAndMaxAge() throws {
        let response = client.request(
            "OPTIONS", "/countries?limit=2",
            headers: [
                ("Origin", "https://example.org"),
                ("Access-Control-Request-Method", "GET"),
                ("Access-Control-Request-Headers", "if-none-match, x-unknown"),
            ])
        #expect(response.status == 204)
        #expect(response.body.isEmpty)
        #expect(response.header("Access-Control-Allow-Origin") == "*")
        #expect(response.header("Access-Control-Allow-Methods") == "GET, HEAD, OPTIONS")
        #expect(response.header("Access-Control-Allow-Headers") == "If-None-Match")
        let maxAge = try #require(response.header("Access-Control-Max-Age").flatMap { Int($0) })
        #expect(maxAge > 0)
        #expect(response.header("X-Content-Type-Options") == "nosniff")
    }

    @Test func aPreflightFromAnUnlistedOrigin_grantsNothing() throws {
        var options = BundledStore.options
        options.corsOrigins = "https://app.example.com"
        let client = APITestClient(options: options)
        let response = client.request(
            "OPTIONS", "/countries",
            headers: [("Origin", "https://evil.example"), ("Access-Control-Request-Method", "GET")])
        #expect(response.status == 204)
        #expect(response.header("Access-Control-Allow-Origin") == nil)
        #expect(response.header("Access-Control-Allow-Methods") == nil)
    }

    // MARK: - Public URL

    @Test func aPublicURL_makesEveryLinkAbsolute() throws {
        var options = BundledStore.options
        options.publicURL = "https://api.example.com/v1/"
        let client = APITestClient(options: options)
        let base = "https://api.example.com/v1"
        let targets = [
            "/", "/countries?limit=2&offset=2", "/countries/kz", "/organizations/oic?include=members",
            "/countries/kz/organizations",
            "/sources", "/sources/kazakhstan-foreign-relations",
            "/sources/kazakhstan-foreign-relations/paragraphs?limit=2&offset=2",
            "/sources/kazakhstan-foreign-relations/paragraphs/3", "/search?q=Qatar", "/facts",
        ]
        for target in targets {
            let response = client.get(target)
            #expect(response.status == 200, "\(target)")
            let json = try response.json()
            var links = linkStrings(in: json)
            if let top = (json as? [String: Any])?["links"] as? [String: Any] {
                links += top.compactMap { key, value in (value as? String).map { ("$.links.\(key)", $0) } }
            }
            #expect(!links.isEmpty, "\(target) has links")
            for link in links { #expect(link.value.hasPrefix(base + "/"), "\(target) \(link.path): \(link.value)") }
            for (rel, url) in response.linkRelations() {
                #expect(url.hasPrefix(base + "/"), "\(target) Link rel=\(rel)")
            }
            // And no relative link slipped through anywhere in the body.
            #expect(!response.text.contains("\":\"/"), "\(target): a relative link remains")
        }
        let redirect = client.get("/countries/KAZ")
        #expect(redirect.header("Location") == "\(base)/countries/kz")
    }

    @Test func withoutAPublicURL_linksAreRelative() throws {
        let json = try client.get("/countries/kz").json()
        for link in linkStrings(in: json) { #expect(link.value.hasPrefix("/"), "\(link.path): \(link.value)") }
    }

    // MARK: - Precomputed responses

    @Test func thePrecomputedResponses_coverEveryParameterlessResource() throws {
        let handler = client.handler
        #expect(handler.prepared["/"] != nil)
        for kind in Dataset.kinds {
            #expect(handler.prepared["/\(kind)"] != nil, "/\(kind)")
            for id in try Dataset.ids(kind) { #expect(handler.prepared["/\(kind)/\(id)"] != nil, "/\(kind)/\(id)") }
        }
        for n in 1...(try Dataset.paragraphs().count) {
            #expect(handler.prepared["/sources/kazakhstan-foreign-relations/paragraphs/\(n)"] != nil)
        }
        #expect(handler.prepared["/readyz"] == nil, "readiness changes at shutdown")
        #expect(handler.prepared["/search"] == nil, "search needs q")
    }

    @Test(arguments: Dataset.kinds)
    func aPrecomputedEntity_equalsWhatTheLivePathComputes(kind: String) throws {
        for id in try Dataset.ids(kind) {
            let target = "/\(kind)/\(id)"
            let precomputed = try #require(client.handler.prepared[target])
            // `pretty=false` forces the live path and must not change a single byte.
            let live = client.get(target + "?pretty=false")
            #expect(live.status == 200)
            #expect(live.body == precomputed.body, "\(target)")
            #expect(live.header("ETag") == precomputed.etag?.headerValue)
            #expect(client.get(target).body == precomputed.body)
        }
    }

    @Test func aPrecomputedCollection_hasTheSameDataAsTheLivePath() throws {
        for target in Dataset.kinds.map({ "/\($0)" }) + [
            "/countries/kz/organizations", "/sources/kazakhstan-foreign-relations/paragraphs",
        ] {
            let precomputed = client.get(target)
            let live = client.get(target + "?pretty=false")
            #expect(try live.meta() == precomputed.meta())
            let a = try precomputed.object()["data"] as? [Any] ?? []
            let b = try live.object()["data"] as? [Any] ?? []
            #expect(NSArray(array: a).isEqual(to: b), "\(target)")
            #expect(precomputed.header("X-Total-Count") == live.header("X-Total-Count"))
        }
    }
}
