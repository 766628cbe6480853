import JSON
import Server
import Store
import Testing

@testable import API

/// Route matching: literal paths by hash lookup, parameterised ones among the candidates of their first segment,
/// percent-decoding after splitting.
struct RouterTests {
    let router: Router<String> = {
        var router = Router<String>()
        for template in [
            "/", "/countries", "/countries/{id}", "/countries/{id}/visits", "/sources/{id}/paragraphs/{n}",
            "/{any}/tail",
        ] {
            router.add(template, template)
        }
        return router
    }()

    func matched(_ path: String) -> (template: String, parameters: [String: String])? {
        if case .found(let route, let parameters) = router.match(path: path) { return (route.template, parameters) }
        return nil
    }

    @Test(
        arguments: [
            ("/", "/", [:]),
            ("/countries", "/countries", [:]),
            ("/countries/kz", "/countries/{id}", ["id": "kz"]),
            ("/countries/kz/visits", "/countries/{id}/visits", ["id": "kz"]),
            ("/sources/s1/paragraphs/3", "/sources/{id}/paragraphs/{n}", ["id": "s1", "n": "3"]),
            ("/anything/tail", "/{any}/tail", ["any": "anything"]),
        ] as [(String, String, [String: String])])
    func aPath_findsItsTemplate_andParameters(path: String, template: String, parameters: [String: String]) throws {
        let found = try #require(matched(path))
        #expect(found.template == template)
        #expect(found.parameters == parameters)
    }

    @Test func aPercentEncodedLiteral_matchesItsDecodedTemplate() throws {
        #expect(try #require(matched("/countr%69es")).template == "/countries")
        #expect(try #require(matched("/countries/k%7A")).parameters == ["id": "kz"])
    }

    @Test func anEncodedSlash_staysInsideItsSegment() throws {
        // `/countries%2Fkz` is one segment, "countries/kz": no route has it as a literal first segment.
        #expect(matched("/countries%2Fkz") == nil)
        #expect(try #require(matched("/countries/a%2Fb")).parameters == ["id": "a/b"])
    }

    // (`/countries/` matches `{id}` with an empty id: the handler answers that one.)
    @Test(arguments: ["/nowhere", "/countries/kz/", "/countries/kz/visits/x", "//", "/sources/s1/paragraphs"])
    func unknownPaths_areNotFound(path: String) {
        if case .notFound = router.match(path: path) {} else { Issue.record("\(path) should not match") }
    }

    @Test func invalidPercentEncoding_isABadPath() {
        if case .badPath = router.match(path: "/countries/%ZZ") {} else { Issue.record("%ZZ should be a bad path") }
        if case .badPath = router.match(path: "/countries/%C3") {
        } else {
            Issue.record("a truncated UTF-8 sequence should be a bad path")
        }
    }
}

/// The indexed router against the plain definition it replaced: split on `/`, percent-decode every segment, take the
/// first route in registration order whose segments all match. 5,000 generated paths, seeded, so a failure
/// reproduces.
struct RouterEquivalenceTests {
    static let templates = [
        "/", "/countries", "/countries/{id}", "/countries/{id}/visits", "/sources", "/sources/{id}",
        "/sources/{id}/paragraphs", "/sources/{id}/paragraphs/{n}", "/{any}/tail", "/search",
    ]

    static let pieces = [
        "countries", "kz", "visits", "sources", "s1", "paragraphs", "3", "", "%63ountries", "c%2Fd",
        "tail", "search", "%ZZ", "%e2%82%ac", "%C3", "sources%2Fs1", "Countries", "%20",
    ]

    /// The reference: no indexes, no shortcuts.
    static func reference(_ router: Router<String>, _ path: String) -> String {
        let raw = path == "/" ? [] : Array(path.split(separator: "/", omittingEmptySubsequences: false).dropFirst())
        var decoded: [String] = []
        for segment in raw {
            guard let value = PercentEncoding.decode(segment) else { return "bad" }
            decoded.append(value)
        }
        routes: for route in router.entries where route.segments.count == decoded.count {
            var parameters: [String] = []
            for (segment, value) in zip(route.segments, decoded) {
                switch segment {
                case .literal(let literal): if literal != value { continue routes }
                case .parameter(let name): parameters.append("\(name)=\(value)")
                }
            }
            return route.template + " " + parameters.joined(separator: "&")
        }
        return "none"
    }

    static func indexed(_ router: Router<String>, _ path: String) -> String {
        switch router.match(path: path) {
        case .badPath: return "bad"
        case .notFound: return "none"
        case .found(let route, let parameters):
            let named = route.segments.compactMap { segment -> String? in
                if case .parameter(let name) = segment { "\(name)=\(parameters[name] ?? "?")" } else { nil }
            }
            return route.template + " " + named.joined(separator: "&")
        }
    }

    @Test func generatedPaths_matchAsTheReferenceDoes() {
        var router = Router<String>()
        for template in Self.templates { router.add(template, template) }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {  // SplitMix64
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
        var disagreements: [String] = []
        var found = 0
        for _ in 0..<5_000 {
            let count = next(6)
            let path =
                count == 0
                ? "/" : "/" + (0..<count).map { _ in Self.pieces[next(Self.pieces.count)] }.joined(separator: "/")
            let expected = Self.reference(router, path)
            if expected != "none" && expected != "bad" { found += 1 }
            let actual = Self.indexed(router, path)
            if actual != expected { disagreements.append("\(path): \(actual) instead of \(expected)") }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
        #expect(found > 250, "the generator should reach real routes often (\(found))")
    }
}
