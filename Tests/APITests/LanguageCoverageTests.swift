import Foundation
import Testing

@testable import API

/// Which routes take `lang` (every one whose body has `{ar, en}` text, the index included), which refuse it, what
/// `Content-Language` says about each body, and `fields=name.en` with `lang`.
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

    /// With `lang`, `name` is a plain string, but `name.en` still asks for the English name: it comes as `{"en": …}`
    /// (never the `lang` string kept whole), and `Content-Language` names both languages the body then holds.
    @Test(arguments: [
        ("/countries?lang=ar&fields=name.en", ["en": "Kazakhstan"], "ar, en"),
        ("/countries?fields=id,name.ar&lang=en", ["ar": "كازاخستان"], "ar, en"),
        ("/countries?lang=en&fields=name.en", ["en": "Kazakhstan"], "en"),
    ])
    func aLanguageSubfieldWithLang_isThatLanguage(target: String, name: [String: String], language: String) throws {
        let response = client.get(target)
        #expect(response.status == 200)
        let first = try #require(try response.items().first)
        #expect(first["name"] as? [String: String] == name, "\(target)")
        #expect(first["description"] == nil)
        #expect(response.header("Content-Language") == language, "\(target)")
    }

    @Test func aLanguageSubfieldOfIncludedEntities_withLang_isThatLanguage() throws {
        let response = client.get("/countries/kz?include=organizations&lang=ar&fields%5Borganizations%5D=name.en")
        #expect(response.status == 200)
        #expect(try response.item()["name"] as? String == "كازاخستان", "the rest follows lang")
        let included = try #require(try response.object()["included"] as? [[String: Any]])
        let un = try #require(included.first { $0["id"] as? String == "un" })
        #expect(un["name"] as? [String: String] == ["en": "United Nations"])
        #expect(response.header("Content-Language") == "ar, en")
    }

    /// `name` named whole wins over `name.en`: the `lang` string, and only that language.
    @Test func aWholeFieldWithItsSubfield_isTheLangString() throws {
        let response = client.get("/countries?lang=ar&fields=name,name.en")
        #expect(try response.items().first?["name"] as? String == "كازاخستان")
        #expect(response.header("Content-Language") == "ar")
    }

    @Test func aLanguageSubfieldWithoutLang_keepsThatLanguage() throws {
        let items = try client.get("/countries?fields=name.en").items()
        #expect(items.first?["name"] as? [String: String] == ["en": "Kazakhstan"])
        let named = try client.get("/countries?fields=name&lang=en").items()
        #expect(named.first?["name"] as? String == "Kazakhstan")
    }
}
