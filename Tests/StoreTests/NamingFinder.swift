@testable import Store

/// Finds where a text names an entity: every occurrence of one of its names, matched word by word through the search
/// normalizer (`TextNormalizer.tokens`, so «ألماطى» and «الماطي» meet). A word of the text also matches without its
/// Arabic proclitics: a conjunction (و ف), then a preposition (ب ك ل), then the article (ال), or ل with the article
/// (لل), so «والصين», «لكازاخستان» and «للدولة» are namings of «الصين», «كازاخستان» and «الدولة». A word of a name
/// also matches without its own article («الاستقلال» in «سنوات الاستقلال» and «استقلال»).
struct NamingFinder {
    /// One occurrence: paragraph (1-based) and Unicode-scalar offsets, end exclusive, proclitics left out.
    struct Naming: Hashable, Comparable, CustomStringConvertible {
        var paragraph: Int
        var start: Int
        var end: Int

        static func < (a: Naming, b: Naming) -> Bool { (a.paragraph, a.start, a.end) < (b.paragraph, b.start, b.end) }

        /// Inside `other` (or the same span), in the same paragraph.
        func lies(within paragraph: Int, _ start: Int, _ end: Int) -> Bool {
            self.paragraph == paragraph && start <= self.start && self.end <= end
        }

        var description: String { "¶\(paragraph) [\(start), \(end))" }
    }

    let paragraphs: [[Unicode.Scalar]]
    private let words: [[TextNormalizer.Token]]

    init(paragraphs: [String]) {
        self.paragraphs = paragraphs.map { Array($0.unicodeScalars) }
        self.words = paragraphs.map(TextNormalizer.tokens)
    }

    /// The text at a naming.
    func quote(_ naming: Naming) -> String {
        String(String.UnicodeScalarView(paragraphs[naming.paragraph - 1][naming.start..<naming.end]))
    }

    /// Every naming by any of `names`, outermost only: «نازارباييف» inside «نور سلطان نازارباييف» is one naming.
    func namings(of names: [String]) -> [Naming] {
        var found: Set<Naming> = []
        for name in names {
            let nameWords = TextNormalizer.tokens(name).map { Self.forms(ofNameWord: $0.key) }
            guard !nameWords.isEmpty else { continue }
            for (index, text) in words.enumerated() where text.count >= nameWords.count {
                for first in 0...(text.count - nameWords.count) {
                    guard let naming = match(nameWords, at: first, in: index) else { continue }
                    found.insert(naming)
                }
            }
        }
        return found.filter { naming in
            !found.contains { $0 != naming && naming.lies(within: $0.paragraph, $0.start, $0.end) }
        }.sorted()
    }

    /// The naming when the name's words match the paragraph's words from `first` on, in order.
    private func match(_ nameWords: [Set<String>], at first: Int, in index: Int) -> Naming? {
        let text = words[index]
        var stripped = 0
        for (offset, forms) in nameWords.enumerated() {
            let textForms = Self.forms(ofTextWord: text[first + offset].key)
            // The least stripped form that matches: «الصين» in «الصين» keeps its article.
            guard let strip = textForms.filter({ forms.contains($0.form) }).map(\.stripped).min() else { return nil }
            if offset == 0 { stripped = strip }
        }
        let start = scalarOffset(afterLetters: stripped, from: text[first].start, in: index)
        return Naming(paragraph: index + 1, start: start, end: text[first + nameWords.count - 1].end)
    }

    /// Where the word's letter number `count` (0-based) starts: the proclitics stripped from a key are letters of the
    /// word, and marks between them count for nothing.
    private func scalarOffset(afterLetters count: Int, from start: Int, in index: Int) -> Int {
        var letters = 0
        var offset = start
        let scalars = paragraphs[index]
        while offset < scalars.count {
            if !TextNormalizer.tokens(String(Character(scalars[offset]))).isEmpty {
                if letters == count { return offset }
                letters += 1
            }
            offset += 1
        }
        return offset
    }

    /// The proclitic sequences a word of the text may begin with, longest last (keys are folded: no hamza seats).
    static let proclitics: [String] = {
        var sequences: Set<String> = []
        for conjunction in ["", "و", "ف"] {
            for preposition in ["", "ب", "ك", "ل"] {
                for article in ["", "ال"] { sequences.insert(conjunction + preposition + article) }
            }
            sequences.insert(conjunction + "لل")
        }
        return sequences.sorted { ($0.unicodeScalars.count, $0) < ($1.unicodeScalars.count, $1) }
    }()

    /// A text word's key and its forms without proclitics, each with how many letters it dropped; a form keeps at
    /// least two letters, so «بن» stays «بن».
    static func forms(ofTextWord key: String) -> [(form: String, stripped: Int)] {
        let letters = Array(key.unicodeScalars)
        return proclitics.compactMap { prefix in
            let prefixLetters = Array(prefix.unicodeScalars)
            guard letters.count - prefixLetters.count >= 2, letters.starts(with: prefixLetters) else { return nil }
            return (String(String.UnicodeScalarView(letters[prefixLetters.count...])), prefixLetters.count)
        }
    }

    /// A name word's key, and without its article when two letters or more remain.
    static func forms(ofNameWord key: String) -> Set<String> {
        let letters = Array(key.unicodeScalars)
        let article = Array("ال".unicodeScalars)
        guard letters.count - article.count >= 2, letters.starts(with: article) else { return [key] }
        return [key, String(String.UnicodeScalarView(letters[article.count...]))]
    }
}
