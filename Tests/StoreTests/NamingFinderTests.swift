import Testing

@testable import Store

/// How `NamingFinder` decides that a text names something: what the mention rule (`MentionCoverageTests`) counts.
@Suite struct NamingFinderTests {
    /// (paragraph, names, the quoted namings found, in order).
    @Test(arguments: [
        // Proclitics stay outside the naming: conjunction, preposition, both, ل with the article.
        ("الاتحاد السوفيتي والصين", ["الصين"], ["الصين"]),
        ("نقل تجربتها لكازاخستان", ["كازاخستان"], ["كازاخستان"]),
        ("ولكازاخستان وبكازاخستان ككازاخستان", ["كازاخستان"], ["كازاخستان", "كازاخستان", "كازاخستان"]),
        ("أتاح للدولة الفتية", ["الدولة الفتية"], ["دولة الفتية"]),
        // A name's article may be missing in the text, and the other way round.
        ("خلال سنوات استقلال البلاد", ["الاستقلال"], ["استقلال"]),
        ("كما لها مبادرات في الحوار بين الحضارات", ["حوار بين الحضارات"], ["حوار بين الحضارات"]),
        // Spelling variants meet through the normalizer; a suffix makes another word.
        ("في مدينة الماطي", ["ألماطى"], ["الماطي"]),
        ("ونالت استقلالها", ["استقلال"], []),
        // Words must follow one another; punctuation between them does not matter.
        ("آسيا، الوسطى", ["آسيا الوسطى"], ["آسيا، الوسطى"]),
        ("آسيا كلها الوسطى", ["آسيا الوسطى"], []),
        // A stripped form keeps two letters: «بن» is not «ن».
        ("حمد بن خليفة", ["ن"], []),
        // One naming for nested names: the outermost.
        ("الرئيس نور سلطان نازارباييف", ["نازارباييف", "نور سلطان نازارباييف"], ["نور سلطان نازارباييف"]),
    ])
    func namings_matchWordsThroughTheNormalizer_withoutProclitics(text: String, names: [String], expected: [String]) {
        let finder = NamingFinder(paragraphs: [text])
        #expect(finder.namings(of: names).map(finder.quote) == expected)
    }

    @Test func offsets_areUnicodeScalars_inTheParagraph_andSkipTheProclitic() {
        // «وَالصين» has a fatha after the conjunction: the naming starts at the article, not at the mark.
        let text = "بين روسيا وَالصين"
        let finder = NamingFinder(paragraphs: ["أول", text])
        let namings = finder.namings(of: ["الصين"])
        let start = Array(text.unicodeScalars).count - "الصين".unicodeScalars.count
        #expect(namings == [NamingFinder.Naming(paragraph: 2, start: start, end: start + 5)])
    }
}
