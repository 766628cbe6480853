/// Arabic presentation forms (U+FB50–FDFF, U+FE70–FEFF: the positional shapes and ligatures some PDFs and older
/// systems emit instead of letters, «ﻗﻄﺮ» for «قطر») mapped to the letters they show. The table is derived from the
/// Unicode character names the standard library carries ("ARABIC LETTER QAF INITIAL FORM" → QAF, "ARABIC LIGATURE
/// LAM WITH ALEF FINAL FORM" → LAM, ALEF), so it covers every form without a hand-typed list. Forms of marks map to
/// nothing (they are ignorable, like the marks); forms that are not letter sequences (ﷺ) are absent.
enum ArabicPresentationForms {
    /// Presentation form → its letters (and marks), before folding.
    static let letters: [UInt32: [Unicode.Scalar]] = {
        var byName: [String: Unicode.Scalar] = [:]
        for value in UInt32(0x0600)...0x06FF {
            guard let scalar = Unicode.Scalar(value), let name = scalar.properties.name else { continue }
            if name.hasPrefix("ARABIC LETTER ") {
                byName[String(name.dropFirst("ARABIC LETTER ".count))] = scalar
            } else if name.hasPrefix("ARABIC ") {
                byName[String(name.dropFirst("ARABIC ".count))] = scalar  // FATHA, SHADDA, TATWEEL, …
            }
        }
        var table: [UInt32: [Unicode.Scalar]] = [:]
        for range in [UInt32(0xFB50)...0xFDFF, UInt32(0xFE70)...0xFEFF] {
            for value in range {
                guard let name = Unicode.Scalar(value)?.properties.name,
                    let parts = components(of: name, byName: byName)
                else { continue }
                table[value] = parts
            }
        }
        return table
    }()

    private static let positions = [" ISOLATED FORM", " INITIAL FORM", " MEDIAL FORM", " FINAL FORM"]

    /// "ARABIC LIGATURE LAM WITH ALEF WITH HAMZA ABOVE FINAL FORM" → [LAM, ALEF WITH HAMZA ABOVE]: the longest known
    /// name at each step, components joined by WITH. Nil when some part is not a known letter or mark.
    private static func components(of name: String, byName: [String: Unicode.Scalar]) -> [Unicode.Scalar]? {
        var body = name
        for suffix in positions where body.hasSuffix(suffix) { body.removeLast(suffix.count) }
        for prefix in ["ARABIC LETTER ", "ARABIC LIGATURE ", "ARABIC "] where body.hasPrefix(prefix) {
            body.removeFirst(prefix.count)
            break
        }
        let words = body.split(separator: " ").map(String.init)
        var result: [Unicode.Scalar] = []
        var i = 0
        while i < words.count {
            if !result.isEmpty {
                guard words[i] == "WITH" else { return nil }
                i += 1
            }
            var found: (Unicode.Scalar, Int)?
            for end in stride(from: words.count, to: i, by: -1) {
                if let scalar = byName[words[i..<end].joined(separator: " ")] {
                    found = (scalar, end)
                    break
                }
            }
            guard let (scalar, end) = found else { return nil }
            result.append(scalar)
            i = end
        }
        return result.isEmpty ? nil : result
    }
}
