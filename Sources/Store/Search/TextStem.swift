/// The secondary key of a word of running text (descriptions, quotes, paragraphs): Arabic through light10
/// (`ArabicLightStemmer`), English through a plural fold (`borders` → `border`, `cities` → `city`). Names never get
/// one.
enum TextStem {
    static func of(_ key: String) -> String {
        guard let first = key.unicodeScalars.first else { return key }
        if first.value >= 0x0600 && first.value <= 0x06FF { return "~" + ArabicLightStemmer.stem(key) }
        let scalars = Array(key.unicodeScalars)
        guard scalars.count >= 5, scalars.last == "s", scalars[scalars.count - 2] != "s" else { return "~" + key }
        if key.hasSuffix("ies") { return "~" + String(key.dropLast(3)) + "y" }
        return "~" + String(key.dropLast())
    }
}
