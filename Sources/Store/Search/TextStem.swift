/// The secondary key of a word of running text (descriptions, quotes, paragraphs): Arabic through light10
/// (`ArabicLightStemmer`), English through a plural fold (`borders` → `border`, `cities` → `city`). Names never get
/// one.
enum TextStem {
    static func of(_ key: String) -> String {
        guard let first = key.unicodeScalars.first else { return key }
        if first.value >= 0x0600 && first.value <= 0x06FF {
            // `~` and the stem's bytes written into one new string (no intermediate stem string to concatenate).
            var copy = key
            return copy.withUTF8 { word in
                let stem = word[ArabicLightStemmer.stemRange(word)]
                return String(unsafeUninitializedCapacity: stem.count + 1) { buffer in
                    buffer[0] = UInt8(ascii: "~")
                    _ = UnsafeMutableBufferPointer(rebasing: buffer[1...]).initialize(from: stem)
                    return stem.count + 1
                }
            }
        }
        let scalars = Array(key.unicodeScalars)
        guard scalars.count >= 5, scalars.last == "s", scalars[scalars.count - 2] != "s" else { return "~" + key }
        if key.hasSuffix("ies") { return "~" + String(key.dropLast(3)) + "y" }
        return "~" + String(key.dropLast())
    }
}
