import Foundation
import Testing

@testable import API

/// Which routes take `lang` (every one whose body has `{ar, en}` text, the index included), which refuse it, what
/// `Content-Language` says about each body, and `fields` with `lang`.
@Suite struct LanguageCoverageTests {
    let client = BundledStore.client

    /// One target per route kind with localized text.
    static let localized = [
        "/", "/countries", "/countries/kz", "/countries/kz/organizations", "/sources",
        "/sources/kazakhstan-foreign-relations", "/sources/kazakhstan-foreign-relations/paragraphs",
        "/sources/kazakhstan-foreign-relations/paragraphs/1", "/search?q=Qatar",
    ]

    /// Without `lang` the body has both languages and says `ar, en`; with it, one language and says which.
    @Test(arguments: localized)
    func contentLanguage_saysWhatTheBodyHolds(target: String) throws {
        let both = client.get(target)
        #expect(both.status == 200)
        #expect(!LanguageTests.localizedPaths(try both.json()).isEmpty, "\(target) has {ar, en} text")
        #expect(both.header("Content-Language") == "ar, en", "\(target)")
        for language in ["ar", "en"] {
            let one = client.get(target + (target.contains("?") ? "&" : "?") + "lang=\(language)")
            #expect(one.status == 200, "\(target) lang=\(language)")
            #expect(one.header("Content-Language") == language, "\(target) lang=\(language)")
            #expect(LanguageTests.localizedPaths(try one.json()).isEmpty, "\(target) lang=\(language)")
        }
    }

    @Test func theIndex_givesItsDescriptionInOneLanguage() throws {
        let english = try client.get("/?lang=en").object()
        #expect((english["description"] as? String)?.hasPrefix("What one Arabic source document says") == true)
        let arabic = try client.get("/?lang=ar").object()
        #expect((arabic["description"] as? String)?.hasPrefix("ما يقوله نص عربي") == true)
        #expect(arabic["counts"] as? [String: Int] == english["counts"] as? [String: Int], "the rest is unchanged")
    }

    /// Probes, metrics and the OpenAPI document have no localized text: `lang` there is a 400 naming it.
    @Test(arguments: ["/healthz", "/readyz", "/metrics", "/openapi.json"])
    func routesWithoutLocalizedText_refuseLang(target: String) throws {
        let response = client.get(target + "?lang=en")
        #expect(response.status == 400)
        let errors = try #require(try response.object()["errors"] as? [[String: String]])
        #expect(errors.map { $0["parameter"] } == ["lang"])
        if target == "/metrics" {
            #expect(errors.first?["detail"] == "Unknown parameter 'lang': this resource takes no query parameters.")
        }
    }

    /// With `lang`, `name` is a plain string: `name.en` would silently keep the other language's string, so it is
    /// a 400 naming the parameter, whichever comes first and whichever language.
    @Test(arguments: [
        ("/countries?lang=ar&fields=name.en", "fields"), ("/countries?fields=id,name.ar&lang=en", "fields"),
        ("/countries/kz?fields=aliases.en&lang=en", "fields"),
        ("/countries/kz?include=organizations&lang=ar&fields%5Borganizations%5D=name.en", "fields[organizations]"),
    ])
    func aLanguageSubfieldWithLang_isA400NamingIt(target: String, parameter: String) throws {
        let response = client.get(target)
        #expect(response.status == 400, "\(target)")
        let errors = try #require(try response.object()["errors"] as? [[String: String]])
        #expect(errors.map { $0["parameter"] } == [parameter])
        #expect(errors.first?["detail"]?.contains("plain string") == true)
    }

    @Test func aLanguageSubfieldWithoutLang_keepsThatLanguage() throws {
        let items = try client.get("/countries?fields=name.en").items()
        #expect(items.first?["name"] as? [String: String] == ["en": "Kazakhstan"])
        let named = try client.get("/countries?fields=name&lang=en").items()
        #expect(named.first?["name"] as? String == "Kazakhstan")
    }
}
