/// "Did you mean …?" for an unknown parameter, field or value.
enum Suggestion {
    /// The candidate closest to `input`, compared case-insensitively, or nil when none is close.
    ///
    /// Close means an optimal string alignment distance (Damerau–Levenshtein where each substring is edited
    /// at most once: insertions, deletions, substitutions and adjacent transpositions cost 1) of at most
    /// `max(1, min(3, input.count / 3))` — one typo in a short word, up to three in a long one, so `xyz` does
    /// not become `sort` — and never a candidate that shares nothing with the input (`l` is not a typo of `q`,
    /// though one substitution apart). Failing that, the first candidate that `input` (two characters or more) is a prefix
    /// of, for a truncated name. Ties go to the earlier candidate, so the answer is deterministic.
    ///
    /// Only error paths call this: it favours clarity over speed.
    static func nearest(to input: String, among candidates: [String]) -> String? {
        let typed = Array(input.lowercased())
        guard !typed.isEmpty else { return nil }
        let limit = max(1, min(3, typed.count / 3))

        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let folded = Array(candidate.lowercased())
            // The distance is at least the difference in length: skip the table when that is already too far.
            guard abs(folded.count - typed.count) <= limit else { continue }
            let distance = optimalStringAlignmentDistance(typed, folded)
            // A distance equal to the longer length means every character was replaced: no resemblance.
            if distance <= limit, distance < max(typed.count, folded.count), distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        if let best { return best.candidate }

        guard typed.count >= 2 else { return nil }
        return candidates.first { $0.lowercased().hasPrefix(String(typed)) }
    }

    /// The classic dynamic programme over three rows (the one two back is needed for transpositions).
    static func optimalStringAlignmentDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(
                    previous[j] + 1,  // deletion
                    current[j - 1] + 1,  // insertion
                    previous[j - 1] + cost)  // substitution
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)  // adjacent transposition
                }
                current[j] = value
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
