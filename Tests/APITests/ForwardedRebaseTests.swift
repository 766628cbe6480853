import Server
import Store
import Testing

@testable import API

/// A forwarded base's answers are the standard answers with their links rebased. The reference is what the server
/// did before it rebased: build a whole catalog for the base and answer from it. Every precomputed path and a sample
/// of queries, redirects and errors must come out byte for byte the same, fields included.
@Suite struct ForwardedRebaseTests {
    static let bases: [(base: String, forwarded: Forwarded)] = [
        ("/api", Forwarded(prefix: "/api")),
        ("https://api.example.com/v1", Forwarded(proto: "https", host: "api.example.com", prefix: "/v1")),
        ("http://internal:8080", Forwarded(host: "internal:8080")),
    ]

    static let queries = [
        "/countries?limit=2&offset=2", "/search?q=Qatar&limit=3", "/countries/KAZ", "/countries/KZ/visits?limit=1",
        "/organizations/oic/members?fields=id,name",
        "/sources/kazakhstan-foreign-relations/paragraphs?limit=1&offset=1",
        "/countries?include=organizations&limit=1",
        "/search?q=%D9%83%D8%A7%D8%B2%D8%A7%D8%AE%D8%B3%D8%AA%D8%A7%D9%86&limit=30&offsets=utf16", "/nowhere",
        "/countries?bogus=1", "/visits?host=kz&sort=-id",
    ]

    @Test(arguments: 0..<bases.count)
    func rebasedAnswers_equalTheAnswersOfACatalogBuiltForTheBase(index: Int) throws {
        let (base, forwarded) = Self.bases[index]
        var options = BundledStore.options
        options.forwardedHosts = ["api.example.com", "internal:8080"]
        let client = APITestClient(options: options)
        let handler = client.handler
        let catalog = try Catalog(store: BundledStore.store, links: LinkBuilder(publicURL: base))
        let preparer = ResponsePreparer(fields: handler.current.fields)
        let reference = PrecomputedResponses(catalog: catalog, router: handler.router, preparer: preparer)
        #expect(reference.prepared.count > 300)
        var compared = 0
        for (path, expected) in reference.prepared {
            let actual = client.request("GET", path, forwarded: forwarded)
            #expect(actual.body == expected.body, "\(base) \(path)")
            #expect(actual.headers.fields == expected.headers.headers.fields, "\(base) \(path)")
            compared += 1
        }
        for target in Self.queries {
            let expected = Self.answer(target, router: handler.router, catalog: catalog, preparer: preparer)
            let actual = client.request("GET", target, forwarded: forwarded)
            #expect(actual.status == expected.status.code, "\(base) \(target)")
            #expect(actual.body == expected.body, "\(base) \(target)")
            #expect(actual.headers.fields == expected.headers.headers.fields, "\(base) \(target)")
            compared += 1
        }
        #expect(compared == reference.prepared.count + Self.queries.count)
        #expect(handler.forwardedBaseCount == 1)
    }

    /// `target` answered from `catalog` through the route table, as the server answered forwarded requests before.
    static func answer(
        _ target: String, router: Router<RouteDefinition>, catalog: Catalog, preparer: ResponsePreparer
    ) -> PreparedResponse {
        let parts = target.split(separator: "?", maxSplits: 1).map(String.init)
        let head = RequestHead(
            method: "GET", target: target, path: parts[0], query: parts.count > 1 ? parts[1] : nil,
            version: .http1_1, headers: Headers())
        guard case .found(let entry, let parameters) = router.match(path: parts[0]) else {
            let problem = ProblemDetails.notFound("No resource at \(parts[0]).")
            return preparer.prepare(.problem(problem), instance: target, route: "", caching: .dynamic)
        }
        let match = PathMatch(request: Request(head: head), parameters: parameters, catalog: catalog)
        return preparer.prepare(
            entry.value.respond(to: match), instance: target, route: entry.value.template,
            caching: entry.value.caching)
    }
}
