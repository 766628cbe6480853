import Testing
@testable import API
import Server
import Store

/// Route matching: literal paths by hash lookup, parameterised ones among the candidates of their first segment,
/// percent-decoding after splitting.
struct RouterTests {
    let router: Router = {
        var router = Router()
        for template in ["/", "/countries", "/countries/{id}", "/countries/{id}/visits", "/sources/{id}/paragraphs/{n}", "/{any}/tail"] {
            router.get(template) { _ in .redirect(location: template) }
        }
        return router
    }()

    func matched(_ path: String) -> (template: String, parameters: [String: String])? {
        if case .found(let route, let parameters) = router.match(path: path) { return (route.template, parameters) }
        return nil
    }

    @Test(arguments: [
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
        if case .badPath = router.match(path: "/countries/%C3") {} else { Issue.record("a truncated UTF-8 sequence should be a bad path") }
    }
}

/// The one-pass problem body must be byte for byte what the general JSON writer produces.
struct ProblemBodyTests {
    @Test(arguments: [
        ("No resource at /x.", "/x"),
        ("quote \" backslash \\ newline \n tab \t nul \u{0} del \u{7F}", "/a?b=\"c\""),
        ("عربي ومزيد", "/search?q=%D9%82"),
        ("", ""),
    ])
    func theFastBody_equalsTheGeneralWriters(detail: String, instance: String) {
        for status in [HTTPStatus.notFound, .badRequest, .methodNotAllowed] {
            let problem = ProblemDetails(status: status, detail: detail)
            #expect(problem.body(instance: instance) == JSONWriter.write(problem.json(instance: instance)))
        }
    }
}
