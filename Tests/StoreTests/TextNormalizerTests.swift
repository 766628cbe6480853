import Testing

@testable import Store

@Suite struct TextNormalizerTests {
    @Test(arguments: [
        // Alef forms fold to bare alef; alef maqsura to ya; ta marbuta to ha.
        ("أستانا", "استانا"), ("إعلان", "اعلان"), ("آسيا", "اسيا"), ("ٱلله", "الله"),
        ("ألماطى", "الماطي"), ("ألماتي", "الماتي"), ("دولة قطر", "دوله قطر"), ("اصطنة", "اصطنه"),
        // Hamza seats.
        ("مؤتمر", "موتمر"), ("رئيس", "رييس"),
        // Tashkeel and tatweel vanish.
        ("كَازَاخِسْتَانُ", "كازاخستان"), ("كـــازاخستان", "كازاخستان"), ("مُنَظَّمَةٌ", "منظمه"),
        // Arabic-Indic and extended digits become ASCII.
        ("٢٠٠٢", "2002"), ("۱۹۹۱", "1991"),
        // Arabic punctuation and guillemets separate words and disappear.
        ("«كازاخستان عام 2030»", "كازاخستان عام 2030"), ("قطر، والسعودية؛ لماذا؟", "قطر والسعوديه لماذا"),
        // The spellings of the President's name that occur in the text, and the standard one.
        ("نور سلطان نازارباييف", "نور سلطان نازارباييف"), ("نازاربايف", "نازاربايف"), ("نزارباييف", "نزارباييف"),
        // The text's «تحظي» and the correct «تحظى» meet.
        ("تحظي", "تحظي"), ("تحظى", "تحظي"),
        // Latin: case and diacritics fold; punctuation separates.
        ("Qatar", "qatar"), ("QATAR", "qatar"), ("Kazakhstan's", "kazakhstan s"), ("Nur-Sultan", "nur sultan"),
        ("Almaty", "almaty"), ("São Tomé", "sao tome"), ("Zürich", "zurich"), ("Straße", "strasse"),
        ("e\u{0301}cole", "ecole"),
        ("", ""), ("  ،؛ ", ""),
    ])
    func normalize_foldsToExpectedKey(input: String, expected: String) {
        #expect(TextNormalizer.normalize(input) == expected)
    }

    @Test func tokens_reportRangesInTheOriginalScalars() {
        let text = "زيارة أمير دولة قطر"
        let tokens = TextNormalizer.tokens(text)
        let scalars = Array(text.unicodeScalars)
        #expect(tokens.map(\.key) == ["زياره", "امير", "دوله", "قطر"])
        let words = tokens.map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) }
        #expect(words == ["زيارة", "أمير", "دولة", "قطر"])
    }

    @Test func tokens_rangeCoversDiacriticsInsideAWord() throws {
        let text = "« كَازَاخِسْتَانُ »"
        let token = try #require(TextNormalizer.tokens(text).first)
        #expect(token.key == "كازاخستان")
        #expect(token.start == 2)
        #expect(token.end == text.unicodeScalars.count - 2)
    }

    /// The keys a query word is looked up by (`SearchKeys`): without its article, and without its proclitics.
    private func lookupKeys(_ word: String) -> [String] {
        let key = TextNormalizer.normalize(word)
        return [SearchKeys.withoutArticle(key)] + SearchKeys.withoutProclitics(key, isKnown: { _ in false })
    }

    @Test(arguments: [
        ("والصين", "صين"), ("الصين", "صين"), ("بكازاخستان", "كازاخستان"), ("وقطر", "قطر"),
        ("بالتقدير", "تقدير"), ("للرئيس", "رييس"), ("وبكازاخستان", "كازاخستان"), ("فاصبحت", "اصبحت"),
    ])
    func lookupKeys_stripArticleAndProclitics(word: String, stem: String) {
        #expect(lookupKeys(word).contains(stem))
    }

    @Test(arguments: ["بحر", "ولي", "قطر", "لقد"])
    func lookupKeys_neverLeaveFewerThanThreeLetters(word: String) {
        #expect(SearchKeys.withoutProclitics(word, isKnown: { _ in false }).allSatisfy { $0.unicodeScalars.count >= 3 })
    }

    /// A remainder under three letters is kept only when the lexicon knows it.
    @Test func aShortRemainder_isKeptOnlyWhenKnown() {
        #expect(SearchKeys.withoutProclitics("وبن", isKnown: { _ in false }).isEmpty)
        #expect(SearchKeys.withoutProclitics("وبن", isKnown: { $0 == "بن" }) == ["بن"])
    }
}
