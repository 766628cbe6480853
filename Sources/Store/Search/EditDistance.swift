/// Damerau–Levenshtein distance (optimal string alignment: insertions, deletions, substitutions and swaps of
/// neighbours) over Unicode scalars, with a changed first letter costing two: people rarely mistype the letter a
/// name starts with, so «قطر» for «بطر» is further than «قطر» for «قظر». Bounded: returns nil as soon as the distance
/// must exceed `limit`, so comparing a word with a lexicon costs little.
enum EditDistance {
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int, firstLetterCost: Int = 2) -> Int? {
        guard abs(a.count - b.count) <= limit else { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) <= limit ? max(a.count, b.count) : nil }
        // Three rows on the stack: a typo lookup compares a word with thousands of names, and three heap arrays per
        // comparison were most of its cost.
        let width = b.count + 1
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * width) { rows in
            var previous2 = rows.baseAddress!
            var previous = previous2 + width
            var current = previous + width
            for j in 0..<width {
                previous2[j] = 0
                previous[j] = j
                current[j] = 0
            }
            for i in 1...a.count {
                current[0] = i
                var rowMinimum = current[0]
                for j in 1...b.count {
                    let substitution = a[i - 1] == b[j - 1] ? 0 : (i == 1 && j == 1 ? firstLetterCost : 1)
                    var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + substitution)
                    if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                        value = min(value, previous2[j - 2] + 1)
                    }
                    current[j] = value
                    rowMinimum = min(rowMinimum, value)
                }
                if rowMinimum > limit { return nil }
                (previous2, previous, current) = (previous, current, previous2)
            }
            return previous[b.count] <= limit ? previous[b.count] : nil
        }
    }

    /// Edits allowed for a word of `length` letters (characters, never bytes): none under 5, one up to 8, two from 9.
    static func allowance(forLength length: Int) -> Int {
        length < 5 ? 0 : (length <= 8 ? 1 : 2)
    }
}
