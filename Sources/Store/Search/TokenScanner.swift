/// Builds `TextNormalizer.Token`s from classified scalars, one at a time: a word is a run of letters and digits
/// (ignorable marks inside it extend its range), and what separates two words decides whether they may also be read
/// as one (a lone hyphen or dot between them: `Alma-Ata`, `U.N.`).
struct TokenScanner {
    private var result: [TextNormalizer.Token] = []
    /// The word's key as UTF-8, made a `String` once the word ends: appending scalar by scalar to a
    /// `String.UnicodeScalarView` cost about 300 instructions a letter (a query of six words ~15K).
    private var key: [UInt8] = []
    private var start = 0
    private var end = 0
    private var inToken = false
    private var capitals = 0
    private var lowercase = 0
    /// Separators since the last word ended, and whether each was a joiner.
    private var separators = 0
    private var onlyJoiners = true

    /// `-`, `.`, and the Unicode hyphens (‐ ‑ – and the Arabic/Latin hyphen-like dashes people paste).
    private static func isJoiner(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2D, 0x2E, 0x2010, 0x2011, 0x2012, 0x2013: true
        default: false
        }
    }

    mutating func add(_ scalar: Unicode.Scalar, _ kind: TextNormalizer.Class, at offset: Int) {
        switch kind {
        case .ignorable:
            // Marks inside a word belong to its range (so the highlight covers them) but not its key.
            if inToken { end = offset + 1 }
        case .letter(let folded):
            begin(at: offset)
            UTF8.encode(folded) { key.append($0) }
            count(scalar)
            end = offset + 1
        case .letters(let folded):
            begin(at: offset)
            for letter in folded { UTF8.encode(letter) { key.append($0) } }
            count(scalar)
            end = offset + 1
        case .separator:
            if inToken { close() }
            separators += 1
            if !TokenScanner.isJoiner(scalar) { onlyJoiners = false }
        }
    }

    mutating func finish() -> [TextNormalizer.Token] {
        if inToken { close() }
        return result
    }

    private mutating func begin(at offset: Int) {
        guard !inToken else { return }
        inToken = true
        start = offset
    }

    private mutating func count(_ scalar: Unicode.Scalar) {
        if scalar.value >= 0x41 && scalar.value <= 0x5A {
            capitals += 1
        } else if scalar.value >= 0x61 && scalar.value <= 0x7A {
            lowercase += 1
        }
    }

    private mutating func close() {
        let joins = !result.isEmpty && separators == 1 && onlyJoiners
        result.append(
            TextNormalizer.Token(
                key: String(decoding: key, as: UTF8.self), start: start, end: end, joinsPrevious: joins,
                isCapitalized: capitals > 0 && lowercase == 0))
        key.removeAll(keepingCapacity: true)
        inToken = false
        capitals = 0
        lowercase = 0
        separators = 0
        onlyJoiners = true
    }
}
