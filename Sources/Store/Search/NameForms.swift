/// The adjective (nisba) and plural forms Arabic builds from a name, generated from the lexicon rather than found
/// by stemming: «كازاخستان» gives «كازاخستاني», «كازاخستانيه», «كازاخي», «كازاخيين»; «الصين» gives «صيني», «صينيه»;
/// «روسيا» gives «روسي»; «زيارة» gives «زيارات». Generated forms only ever match the name they came from, so the
/// over-generation a rule like this has costs nothing: a form no entity has is never looked up.
enum NameForms {
    /// Endings of the nisba and of the sound plurals, after the ta marbuta has folded to ه; a name that ends in a
    /// long ‑ا takes them after و (آسيا → آسيوي).
    private static let endings = ["ي", "يه", "يين", "يون", "يان", "ات", "يات"].map { Array($0.unicodeScalars) }
    private static let afterAlef = ["وي", "ويه", "ويين", "ويون", "ويات"].map { Array($0.unicodeScalars) }
    private static let alef = Array("ا".unicodeScalars)
    /// What a name may lose before an ending: «‑ستان» (كازاخستان → كازاخي), «‑يا» (روسيا → روسي), a final «‑ا»
    /// (أمريكا → أمريكي), «‑يه»/«‑ه» (السعوديه → سعودي, زياره → زيارات), a final «‑ي» (سوفيتي → سوفيتيه).
    private static let droppable = ["ستان", "يا", "ا", "يه", "ه", "ي"].map { Array($0.unicodeScalars) }

    /// The forms of one normalized Arabic word (its article already off), the word itself excluded. Words under three
    /// letters have none: «بن» and «آل» must not grow into other names.
    static func forms(of key: String) -> Set<String> {
        let word = Array(key.unicodeScalars)
        guard word.count >= 3, let first = word.first else { return [] }
        guard first.value >= 0x0600, first.value <= 0x06FF else { return englishForms(of: key) }
        var bases = [word]
        for ending in droppable where word.count - ending.count >= 3 && word.ends(with: ending) {
            bases.append(Array(word[..<(word.count - ending.count)]))
        }
        var result: Set<String> = []
        for base in bases {
            result.insert(String(scalars: base))
            for ending in endings { result.insert(String(scalars: base + ending)) }
        }
        if word.ends(with: alef) {
            let base = Array(word.dropLast())
            for ending in afterAlef { result.insert(String(scalars: base + ending)) }
        }
        result.remove(key)
        return result
    }

    /// English plurals of a name word (demonyms above all: Qataris, Saudis, Kazakhs; cities → city).
    private static func englishForms(of key: String) -> Set<String> {
        guard key.unicodeScalars.count >= 4, key.unicodeScalars.allSatisfy({ $0.value < 0x80 }) else { return [] }
        if key.hasSuffix("y") { return [String(key.dropLast()) + "ies"] }
        if key.hasSuffix("s") { return [key + "es"] }
        return [key + "s"]
    }
}
