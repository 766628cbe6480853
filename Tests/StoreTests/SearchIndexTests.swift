import Foundation
import TestSupport
import Testing

@testable import Store

/// Search over the bundled dataset: the queries the API's `q=` will see.
@Suite struct SearchIndexTests {
    let store: Store

    init() throws {
        store = try Store.load(from: RepositoryPaths.resources.path)
    }

    private func ids(_ query: String, kinds: Set<EntityKind>? = nil) -> [String] {
        store.searchIndex.search(query, kinds: kinds, includeParagraphs: false).compactMap {
            if case .entity(let reference) = $0.target { return reference.description }
            return nil
        }
    }

    @Test(arguments: ["قطر", "دولة قطر", "Qatar", "qatar", "QATAR", "وقطر", "State of Qatar"])
    func qatarSpellings_findTheCountryFirst(query: String) {
        #expect(ids(query).first == "countries/qa")
    }

    @Test(arguments: [
        "نازارباييف", "نازاربايف", "نزارباييف", "نور سلطان نازاربايف", "نور سلطان نزارباييف", "Nazarbayev", "nazarbaev",
        "Nursultan Nazarbayev",
    ])
    func presidentSpellings_findThePersonFirst(query: String) {
        #expect(ids(query).first == "people/nursultan-nazarbayev")
    }

    @Test(arguments: ["اصطنة", "أستانا", "استانا", "Astana"])
    func astanaSpellings_findThePlaceFirst(query: String) {
        #expect(ids(query, kinds: [.places]).first == "places/astana")
        #expect(ids(query).contains("places/astana"))
    }

    @Test(arguments: ["الماطى", "ألماطى", "ألماتي", "Almaty", "almaty"])
    func almatySpellings_findThePlaceFirst(query: String) {
        #expect(ids(query).first == "places/almaty")
    }

    @Test(arguments: [
        ("بكازاخستان", "countries/kz"), ("والصين", "countries/cn"), ("الصين", "countries/cn"),
        ("China", "countries/cn"),
    ])
    func proclitics_matchTheBareName(query: String, expected: String) {
        #expect(ids(query).first == expected)
    }

    @Test func exactName_outranksAlias_outranksNameWord() throws {
        // «منظمة المؤتمر الإسلامي» is the OIC's old name (an alias); «منظمة التعاون الإسلامي» its name.
        let byName = try #require(store.searchIndex.search("منظمة التعاون الإسلامي").first)
        let byAlias = try #require(store.searchIndex.search("منظمة المؤتمر الإسلامي").first)
        #expect(byName.target == .entity(EntityReference(type: .organizations, id: "oic")))
        #expect(byAlias.target == .entity(EntityReference(type: .organizations, id: "oic")))
        #expect(byName.field == .name && byAlias.field == .alias)
        #expect(byName.score > byAlias.score)
        // A single word of a longer name ranks below both.
        let byWord = try #require(store.searchIndex.search("الإسلامي", kinds: [.organizations]).first)
        #expect(byWord.score < byAlias.score)
    }

    @Test func englishAcronym_findsOrganization() {
        #expect(ids("OIC").first == "organizations/oic")
        #expect(ids("sco").first == "organizations/sco")
        #expect(ids("Shanghai").first == "organizations/sco")
    }

    @Test func wordPrefix_findsName() {
        #expect(ids("Nazarb").first == "people/nursultan-nazarbayev")
        #expect(ids("Kazakh").contains("countries/kz"))
    }

    @Test(arguments: [("الحرير", 7), ("قزوين", 6), ("الإرهاب", 5), ("الحميمة", 3)])
    func wordInTheText_findsItsParagraph_withOffsetsOnTheOriginalWord(word: String, paragraph: Int) throws {
        let hits = store.searchIndex.search(word, kinds: [])
        let hit = try #require(hits.first { $0.target == .paragraph(paragraph) })
        #expect(hit.field == .paragraph)
        // The snippet is a window of the paragraph; the match offsets are the paragraph's, as in citations.
        let scalars = Array(store.source.paragraphs[paragraph - 1].unicodeScalars)
        let window = String(
            String.UnicodeScalarView(scalars[hit.snippetStart..<(hit.snippetStart + hit.snippet.unicodeScalars.count)]))
        #expect(window == hit.snippet)
        #expect(hit.snippetStart <= hit.matchStart)
        let matched = String(String.UnicodeScalarView(scalars[hit.matchStart..<hit.matchEnd]))
        // The text's word is the query's, perhaps with an article or proclitics of its own.
        let (text, query) = (TextNormalizer.normalize(matched), TextNormalizer.normalize(word))
        let textKeys =
            [text, SearchKeys.withoutArticle(text)] + SearchKeys.withoutProclitics(text, isKnown: { _ in false })
        #expect(textKeys.contains(query) || textKeys.contains(SearchKeys.withoutArticle(query)))
    }

    @Test func paragraphHit_offsetsPointAtTheTextsOwnSpelling() throws {
        // The query has no hamza; the text writes «ألماطى». The highlight must be the text's word.
        let hit = try #require(store.searchIndex.search("الماطى", kinds: []).first { $0.target == .paragraph(5) })
        let scalars = Array(store.source.paragraphs[4].unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[hit.matchStart..<hit.matchEnd])) == "ألماطى")
    }

    @Test func nameHit_snippetIsTheOriginalName_andSpanCoversTheMatch() throws {
        let hit = try #require(store.searchIndex.search("قطر").first)
        #expect(hit.snippet == "قطر")
        #expect(hit.matchStart == 0 && hit.matchEnd == 3)
        #expect(hit.language == "ar")
    }

    @Test func kindsFilter_limitsEntityHits_andParagraphsCanBeExcluded() {
        let hits = store.searchIndex.search("قطر", kinds: [.people], includeParagraphs: false)
        #expect(!hits.isEmpty)
        #expect(hits.allSatisfy { if case .entity(let r) = $0.target { r.type == .people } else { false } })
    }

    @Test func limit_capsTheNumberOfHits() {
        #expect(store.searchIndex.search("كازاخستان", limit: 3).count == 3)
        #expect(store.searchIndex.search("كازاخستان").count > 3)
    }

    @Test func emptyOrPunctuationQuery_findsNothing() {
        #expect(store.searchIndex.search("").isEmpty)
        #expect(store.searchIndex.search(" ، « » ").isEmpty)
    }

    @Test func unknownWord_findsNothing() {
        #expect(store.searchIndex.search("Zanzibar").isEmpty)
    }

    @Test func multiWordQuery_aWordFoundNowhere_stillFindsTheOthers() throws {
        let top = try #require(store.searchIndex.search("Caspian Zanzibar").first)
        #expect(top.target == store.searchIndex.search("Caspian").first?.target)
    }

    /// Coverage first: the visit names both Qatar and Astana, so it ranks above each of them alone.
    @Test func multiWordQuery_coveringMoreWords_ranksFirst() throws {
        let hits = store.searchIndex.search("قطر اصطنة", includeParagraphs: false)
        #expect(hits.first?.target == .entity(EntityReference(type: .visits, id: "qatar-emir-visit-astana")))
        let qatar = try #require(hits.firstIndex { $0.target == .entity(EntityReference(type: .countries, id: "qa")) })
        #expect(qatar > 0)
        #expect(hits[0].score > hits[qatar].score)
    }

    @Test func results_areIdenticalAcrossRepeatedSearches() {
        let first = store.searchIndex.search("كازاخستان")
        for _ in 0..<5 { #expect(store.searchIndex.search("كازاخستان") == first) }
    }
}
