import TestSupport
import Testing

@testable import Store

/// The failures issue 13 names, one by one, against the bundled data.
@Suite struct SearchIssueExamplesTests {
    let store: Store

    init() throws {
        store = try Store.load(from: RepositoryPaths.resources.path)
    }

    private func top(_ query: String) -> String? {
        store.searchIndex.search(query, includeParagraphs: false).first.flatMap {
            if case .entity(let reference) = $0.target { return reference.description }
            return nil
        }
    }

    @Test(arguments: [
        ("الكازاخستاني", "countries/kz"), ("كازاخستانية", "countries/kz"), ("الصينية", "countries/cn"),
        ("القطري", "countries/qa"), ("Chinese", "countries/cn"), ("Qatari", "countries/qa"), ("Kazakh", "countries/kz"),
        ("في ألماتي", "places/almaty"), ("إلى أستانا", "places/astana"),
        ("الرئيس نازاربايف", "people/nursultan-nazarbayev"), ("أمير قطر", "people/hamad-bin-khalifa-al-thani"),
        ("president", "people/nursultan-nazarbayev"), ("نور سلطان", "people/nursultan-nazarbayev"),
        ("كزاخستان", "countries/kz"), ("قازاقستان", "countries/kz"), ("Qazaqstan", "countries/kz"),
        ("نورسلطان", "people/nursultan-nazarbayev"), ("نزارباييڤ", "people/nursultan-nazarbayev"),
        ("Nazarbaev", "people/nursultan-nazarbayev"), ("Nazarbajew", "people/nursultan-nazarbayev"),
        ("ألمآتا", "places/almaty"), ("Almaata", "places/almaty"), ("Alma-Ata", "places/almaty"),
        ("AlmaAta", "places/almaty"), ("Aqmola", "places/astana"), ("أوربا", "places/europe"),
        ("شانغهاي", "organizations/sco"), ("U.N.", "organizations/un"), ("UN", "organizations/un"),
        ("EAEU", "initiatives/eurasian-union"), ("ﻗﻄﺮ", "countries/qa"),
    ])
    func issueExample_findsItsEntityFirst(query: String, expected: String) {
        #expect(top(query) == expected, "\(query)")
    }

    /// "UN" is an acronym: matched whole, never as the prefix of "union".
    @Test func un_doesNotFindTheSovietUnion() {
        let hits = store.searchIndex.search("UN", includeParagraphs: false)
        #expect(!hits.contains { $0.target == .entity(EntityReference(type: .countries, id: "suhh")) })
    }

    /// A paragraph hit marks every match, not only the first.
    @Test func aParagraphHit_marksEveryMatch() throws {
        let hit = try #require(store.searchIndex.search("كازاخستان", kinds: []).first { $0.target == .paragraph(6) })
        #expect(hit.matches.count >= 2)
        let paragraph = Array(store.source.paragraphs[5].unicodeScalars)
        for span in hit.matches {
            let word = String(String.UnicodeScalarView(paragraph[span.start..<span.end]))
            #expect(TextNormalizer.normalize(word).contains("كازاخستان"), "\(word)")
        }
    }

    /// An English query finds the Arabic paragraphs through the entities they mention.
    @Test func anEnglishQuery_findsArabicParagraphs_throughMentions() throws {
        let hits = store.searchIndex.search("Caspian Sea", kinds: [])
        #expect(hits.contains { $0.target == .paragraph(6) })
    }

    @Test func nothingFound_suggestsTheClosestNames() {
        // Too far from any name for a typo (a first letter and more), close enough to suggest.
        #expect(store.searchIndex.search("Xatarq", includeParagraphs: false).isEmpty)
        #expect(store.searchIndex.suggestions(for: "Xatarq").first == EntityReference(type: .countries, id: "qa"))
        #expect(store.searchIndex.suggestions(for: "zzzzzzzzzz").isEmpty)
    }
}
