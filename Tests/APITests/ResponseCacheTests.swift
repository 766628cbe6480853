import Foundation
import Server
import Testing

@testable import API

/// How answers are filed: equivalent spellings of a query are one key, different queries different keys.
@Suite struct ResponseCacheKeyTests {
    func key(_ query: String?, base: String = "", path: String = "/countries") -> ResponseCacheKey? {
        ResponseCacheKey(base: base, path: path, rawQuery: query)
    }

    @Test(arguments: [
        ["limit=200", "%6Cimit=200", "%6c%69mit=2%30%30", "limit=200&", "&&limit=200"],
        ["q=a b&limit=2", "q=a+b&limit=2", "limit=2&q=a%20b", "q=a%20b&&limit=2", "%71=a+b&limit=%32"],
        ["sort=-id&lang=en&fields=id,name", "fields=id%2Cname&sort=%2Did&lang=en", "lang=en&fields=id,name&sort=-id"],
        ["pretty", "pretty="],
        ["", "&", "&&"],
    ])
    func equivalentSpellings_areOneKey(spellings: [String]) throws {
        let keys = Set(try spellings.map { try #require(key($0)) })
        #expect(keys.count == 1, "\(keys)")
    }

    @Test func noQuery_isTheEmptyQuery() {
        #expect(key(nil) == key(""))
        #expect(key(nil)?.query == "")
    }

    @Test func differentQueries_pathsAndBases_areDifferentKeys() throws {
        let keys = [
            key("limit=200"), key("limit=20"), key("limit=200&offset=1"), key("q=a+b"), key("q=a%2Bb"),
            key("q=ab"), key("sort=id,name"), key("sort=name,id"), key("id=a&id=b"), key("id=b&id=a"),
            key("limit=200", path: "/organizations"), key("limit=200", path: "/countri%65s"),
            key("limit=200", base: "/api"), key("limit=200", base: "https://api.example.com/api"),
        ]
        let unique = Set(try keys.map { try #require($0) })
        #expect(unique.count == keys.count)
    }

    /// A query that does not decode is a 400, never cached, whether or not the shortcut gave it a key.
    @Test func aQueryThatDoesNotDecode_isNeverCached() {
        #expect(key("q=%G1") == nil)
        #expect(key("%FF=1") == nil)
        let client = APITestClient(options: BundledStore.options)
        for target in ["/countries?q=%FF", "/countries?q=%G1", "/countries?%FF=1", "/countries?q=%C3"] {
            #expect(client.get(target).status == 400, "\(target)")
        }
        #expect(client.handler.cache.count == 0)
    }

    /// Plain queries (no `%`, no `+`) are normalized without decoding; that shortcut must agree with decoding.
    @Test func thePlainShortcut_agreesWithDecoding() {
        let alphabet = [
            "a", "b", "l", "=", "&", "%41", "%6C", "+", "-", ",", ".", "%3D", "%26", "~", "%20", "=", "&", "%D9%82",
            "%d9%82", "%C3", "%A9", "%2", "%", "%E2%80%AE", "%2B",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let length = Int.random(in: 1...12, using: &generator)
            let raw = (0..<length).map { _ in alphabet.randomElement(using: &generator) ?? "" }.joined()
            // Invalid UTF-8 (a lone `%C3`) has no key on the general path; the shortcut may give it one, never used
            // (its answer is a 400, not cached).
            guard let expected = QueryString.decodedNormalized(raw) else { continue }
            #expect(QueryString.normalized(raw) == expected, "\(raw)")
        }
        #expect(QueryString.normalized("sort=-id&limit=3") == "limit=3&sort=-id")
        #expect(QueryString.normalized("limit=3&sort=-id") == "limit=3&sort=-id")
        // A repeated list-valued name is its comma list; a repeated single-valued one (a 400) stays repeated.
        #expect(QueryString.normalized("b=1&a=2&b=0") == "a=2&b=1,0")
        #expect(QueryString.normalized("include=people&include=visits") == "include=people,visits")
        #expect(QueryString.normalized("limit=1&limit=2") == "limit=1&limit=2")
        let many = (0..<40).reversed().map { "p\($0 + 10)=\($0)" }.joined(separator: "&")  // past the shortcut's 32
        #expect(QueryString.normalized(many) == (0..<40).map { "p\($0 + 10)=\($0)" }.joined(separator: "&"))
    }

    @Test func theKeptBytesBitmask_isThePredicate() {
        for b in 0...255 { #expect(QueryEncoding.keeps(UInt8(b)) == QueryEncoding.isKept(UInt8(b)), "\(b)") }
    }

    @Test func theNormalizedQuery_isHowLinksSpellIt() {
        #expect(key("%71=a+b&limit=%32")?.query == "limit=2&q=a%20b")
        #expect(key("q=%D9%83+x")?.query == "q=%D9%83%20x")
    }
}

/// Computed answers are kept in one byte budget per process, filed by normalized query, and served byte-identical.
@Suite struct ResponseCacheTests {
    @Test func repeatedQuery_isServedFromTheCache_withTheSameBytes() {
        let client = APITestClient(options: BundledStore.options)
        let before = client.handler.cache.count
        let first = client.get("/organizations?sort=-name.ar&limit=3")
        #expect(client.handler.cache.count == before + 1)
        let second = client.get("/organizations?sort=-name.ar&limit=3")
        #expect(client.handler.cache.count == before + 1)
        #expect(client.handler.cache.stats.hits == 1)
        #expect(first.body == second.body)
        #expect(first.header("ETag") == second.header("ETag"))
    }

    /// Links echo the query, so they are written from the normalized one: every spelling gets the same bytes, and
    /// one entry holds them.
    @Test func equivalentSpellings_shareOneEntry_andGetIdenticalBytes() throws {
        let client = APITestClient(options: BundledStore.options)
        let spellings = [
            "/countries?lang=en&sort=-id&limit=2&fields=id,name",
            "/countries?%6Cimit=2&sort=%2Did&lang=en&fields=id%2Cname",
            "/countries?fields=id,name&&limit=2&lang=en&sort=-id",
        ]
        let before = client.handler.cache.count
        let answers = spellings.map { client.get($0) }
        #expect(answers.allSatisfy { $0.status == 200 })
        #expect(client.handler.cache.count == before + 1)
        #expect(Set(answers.map(\.body)).count == 1)
        #expect(Set(answers.map { $0.header("Link") ?? "" }).count == 1)
        // Computed afresh (no cache), each spelling gives the same bytes too: sharing serves nobody another's answer.
        let uncached = APITestClient(options: Self.withoutCache)
        for (spelling, answer) in zip(spellings, answers) {
            #expect(uncached.get(spelling).body == answer.body, "\(spelling)")
        }
        let links = try answers[0].links()
        #expect(links["self"] == "/countries?fields=id,name&lang=en&sort=-id&limit=2&offset=0")
    }

    /// A problem's `instance` is the raw target: each spelling gets its own, never another spelling's.
    @Test func problems_areNotSharedAcrossSpellings() throws {
        let client = APITestClient(options: BundledStore.options)
        let a = client.get("/countries?bogus=1&limit=2")
        let b = client.get("/countries?limit=2&%62ogus=1")
        #expect(a.status == 400 && b.status == 400)
        #expect(try a.object()["instance"] as? String == "/countries?bogus=1&limit=2")
        #expect(try b.object()["instance"] as? String == "/countries?limit=2&%62ogus=1")
    }

    /// A redirect keeps the query as the client wrote it.
    @Test func redirects_keepTheirOwnSpelling() {
        let client = APITestClient(options: BundledStore.options)
        let a = client.get("/countries/KZ/visits?limit=1")
        let b = client.get("/countries/KZ/visits?%6Cimit=1")
        #expect(a.status == 301 && b.status == 301)
        #expect(a.header("Location") == "/countries/kz/visits?limit=1")
        #expect(b.header("Location") == "/countries/kz/visits?%6Cimit=1")
    }

    @Test func warmUp_encodesTheDeferredSubCollections_withTheBytesTheLivePathGives() throws {
        let client = APITestClient(options: BundledStore.options)
        let live = client.get("/organizations/oic/members")  // before warm-up: computed, then cached
        #expect(client.handler.prepared["/organizations/oic/members"] == nil)
        client.handler.warmUp()
        let visits = try #require(ResponseCacheKey(base: "", path: "/countries/kz/visits", rawQuery: nil))
        let members = try #require(ResponseCacheKey(base: "", path: "/organizations/oic/members", rawQuery: nil))
        #expect(client.handler.cache.get(visits) != nil)
        #expect(client.handler.cache.get(members)?.body == live.body)
        #expect(client.get("/countries/kz/organizations").status == 200)
    }

    @Test func dynamicRoutes_areNeverCached() {
        let readiness = Readiness()
        let client = APITestClient(options: BundledStore.options, readiness: readiness)
        #expect(client.get("/readyz?pretty").status == 200)
        readiness.markDraining()
        #expect(client.get("/readyz?pretty").status == 503)
    }

    /// Every base's answers and every query share the one budget: however many are asked for, the bytes held stay
    /// within it, and the least recently used go.
    @Test func everyBaseAndQuery_shareOneBudget() {
        var options = BundledStore.options
        options.cacheSize = 256 << 10
        let client = APITestClient(options: options)
        for i in 0..<200 {
            let forwarded = Forwarded(prefix: "/p\(i % 10)")
            #expect(client.request("GET", "/facts?limit=20&offset=\(i)", forwarded: forwarded).status == 200)
            let stats = client.handler.cache.stats
            #expect(stats.bytes <= stats.budget)
        }
        let stats = client.handler.cache.stats
        #expect(stats.evictions > 0)
        #expect(stats.entries < 200)
        #expect(client.handler.forwardedBaseCount == 10)
    }

    @Test func aBodyOverThePerEntryCap_isNotCached() {
        var options = BundledStore.options
        options.cacheSize = 64 << 10  // an entry may take an eighth: 8 KiB
        let client = APITestClient(options: options)
        #expect(client.handler.cache.largestBody == 8 << 10)
        let large = client.get("/facts?limit=200")
        #expect(large.status == 200 && large.body.count > 8 << 10)
        #expect(client.handler.cache.count == 0)
        #expect(client.get("/facts?limit=1").status == 200)
        #expect(client.handler.cache.count == 1)
    }

    static let withoutCache: APIOptions = {
        var options = BundledStore.options
        options.cacheSize = 0
        return options
    }()

    @Test func aZeroBudget_cachesNothing_andAnswersTheSame() {
        let client = APITestClient(options: Self.withoutCache)
        let reference = BundledStore.client.get("/organizations?sort=-id&limit=3")
        for _ in 0..<2 { #expect(client.get("/organizations?sort=-id&limit=3").body == reference.body) }
        client.handler.warmUp()
        #expect(client.handler.cache.count == 0)
        #expect(client.get("/organizations/oic/members").status == 200)
    }

    @Test func removeAll_emptiesTheCache() {
        let client = APITestClient(options: BundledStore.options)
        _ = client.get("/countries?limit=1")
        #expect(client.handler.cache.count == 1)
        client.handler.cache.removeAll()
        #expect(client.handler.cache.stats.bytes == 0)
        #expect(client.handler.cache.count == 0)
    }

    @Test func metrics_reportTheCache() throws {
        var options = BundledStore.options
        options.cacheSize = 1 << 20
        let client = APITestClient(options: options)
        _ = client.get("/countries?limit=1")
        _ = client.get("/countries?limit=1")
        let text = client.get("/metrics").text
        let stats = client.handler.cache.stats
        #expect(stats.entries == 1 && stats.hits == 1 && stats.misses == 1)
        for line in [
            "kazakhstan_api_response_cache_bytes \(stats.bytes)", "kazakhstan_api_response_cache_budget_bytes 1048576",
            "kazakhstan_api_response_cache_entries 1", "kazakhstan_api_response_cache_evictions_total 0",
            "kazakhstan_api_response_cache_hits_total 1", "# TYPE kazakhstan_api_response_cache_misses_total counter",
        ] {
            #expect(text.contains(line + "\n"), "\(line)")
        }
    }
}
