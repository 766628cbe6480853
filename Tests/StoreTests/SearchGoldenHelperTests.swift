import TestSupport
import Testing

@testable import Store

/// The measuring instrument itself: the light10 baseline follows Lucene, and the scores count what they say.
@Suite struct SearchGoldenHelperTests {
    /// Lucene's `TestArabicStemFilter` cases and the examples issue 13 gives (the stemmer alone breaks names).
    @Test(arguments: [
        ("الحسن", "حسن"), ("والحسن", "حسن"), ("بالحسن", "حسن"), ("كالحسن", "حسن"), ("فالحسن", "حسن"),
        ("للاخر", "اخر"), ("وحسن", "حسن"), ("زوجها", "زوج"), ("ساهدان", "ساهد"), ("ساهدات", "ساهد"),
        ("ساهدون", "ساهد"), ("ساهدين", "ساهد"), ("ساهديه", "ساهد"), ("ساهدية", "ساهد"), ("ساهده", "ساهد"),
        ("ساهدة", "ساهد"), ("ساهدي", "ساهد"), ("وساهدون", "ساهد"), ("الو", "الو"), ("وا", "وا"),
        ("كازاخستان", "كازاخست"), ("الكازاخستاني", "كازاخستان"), ("ألماتي", "مات"),
        // Normalization first: hamza seats, alef maksura, tatweel and harakat.
        ("أستانا", "استانا"), ("ألماطى", "ماط"), ("قَطَـرُ", "قطر"), ("English", "english"), ("٢٠٣٠", "2030"),
    ])
    func light10_stemsAsLuceneDoes(word: String, stem: String) {
        #expect(Light10.stems(word) == [stem])
    }

    @Test func light10_splitsOnPunctuation_keepsMarksInsideWords() {
        #expect(Light10.stems("U.N. «قطر»، Alma-Ata") == ["u", "n", "قطر", "alma", "ata"])
        // Lucene's normalizer knows no presentation forms: they stay as they are.
        #expect(Light10.stems("ﻗﻄﺮ") == ["ﻗﻄﺮ"])
    }

    @Test func light10Search_ranksByStemsMatched_thenNames() throws {
        let store = try Store.load(from: RepositoryPaths.resources.path)
        let search = SearchUnderTest.light10(store)
        #expect(search.rank("قطر").first == EntityReference(type: .countries, id: "qa"))
        #expect(search.rank("Caspian Sea").first == EntityReference(type: .places, id: "caspian-sea"))
        #expect(search.rank("ﻗﻄﺮ").isEmpty)
    }

    @Test func rankScores_countFirstTopTenAndReciprocalRanks() {
        var scores = RankScores()
        for rank in [1, 2, 4, 10, 11, nil] { scores.add(rank: rank) }
        #expect(scores.queries == 6)
        #expect(abs(scores.successAt1 - 100.0 / 6) < 1e-9)
        #expect(abs(scores.recallAt10 - 400.0 / 6) < 1e-9)
        #expect(abs(scores.meanReciprocalRank - (1 + 0.5 + 0.25 + 0.1) / 6) < 1e-9)
        let a = EntityReference(type: .countries, id: "kz")
        let b = EntityReference(type: .countries, id: "qa")
        #expect(RankScores.rank(of: b, in: [a, b]) == 2)
        #expect(RankScores.rank(of: b, in: Array(repeating: a, count: 10) + [b]) == nil)
    }
}
