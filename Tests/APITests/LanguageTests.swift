import Foundation
import Testing

@testable import API

/// `lang=` on every route with localized text: no `{ar, en}` object (text or lists) is left anywhere in the body.
@Suite struct LanguageTests {
    let client = BundledStore.client

    static let targets = [
        "/countries/kz?include=organizations,people,visits,events,facts,initiatives,places",
        "/countries?include=organizations", "/organizations", "/visits/qatar-emir-visit-astana",
        "/countries/kz/visits?include=people", "/search?q=Qatar", "/search?q=Xatarq", "/sources",
        "/sources/kazakhstan-foreign-relations",
    ]

    /// Paragraphs take `lang` too (their mentions name entities); the text itself is Arabic.
    @Test(arguments: [
        "/sources/kazakhstan-foreign-relations/paragraphs?limit=5",
        "/sources/kazakhstan-foreign-relations/paragraphs/1",
    ])
    func paragraphs_takeLang(target: String) throws {
        for language in ["ar", "en"] {
            let response = client.get(target + (target.contains("?") ? "&" : "?") + "lang=\(language)")
            #expect(response.status == 200)
            #expect(response.header("Content-Language") == language)
            #expect(Self.localizedPaths(try response.json()).isEmpty)
        }
    }

    @Test(arguments: targets)
    func withLang_noLocalizedObjectRemains(target: String) throws {
        let plain = client.get(target)
        #expect(plain.status == 200)
        #expect(!Self.localizedPaths(try plain.json()).isEmpty, "without lang, \(target) has localized text")
        for language in ["ar", "en"] {
            let response = client.get(target + (target.contains("?") ? "&" : "?") + "lang=\(language)")
            #expect(response.status == 200, "\(target) lang=\(language)")
            #expect(response.header("Content-Language") == language)
            let left = Self.localizedPaths(try response.json())
            #expect(left.isEmpty, "\(target) lang=\(language) still has \(left.prefix(5))")
        }
    }

    @Test func lang_picksTheLanguageOnHitsSourcesAndIncludedEntities() throws {
        let hit = try #require(try client.get("/search?q=Qatar&type=countries&lang=en").items().first)
        #expect(hit["name"] as? String == "Qatar")
        let source = try client.get("/sources/kazakhstan-foreign-relations?lang=ar").item()
        #expect((source["title"] as? String)?.isEmpty == false)
        let included = try #require(
            try client.get("/organizations/oic?include=members&lang=ar").object()["included"] as? [[String: Any]])
        #expect(included.first { $0["id"] as? String == "kz" }?["name"] as? String == "كازاخستان")
        let suggestions = try #require(
            try client.get("/search?q=Xatarq&lang=en").object()["suggestions"] as? [[String: Any]])
        #expect(suggestions.first?["name"] as? String == "Qatar")
    }

    /// Key paths of every object whose keys are exactly `ar` and `en`.
    static func localizedPaths(_ value: Any, path: String = "$") -> [String] {
        if let object = value as? [String: Any] {
            if Set(object.keys) == ["ar", "en"] { return [path] }
            return object.flatMap { localizedPaths($0.value, path: "\(path).\($0.key)") }
        }
        if let array = value as? [Any] {
            return array.enumerated().flatMap { localizedPaths($0.element, path: "\(path)[\($0.offset)]") }
        }
        return []
    }
}
