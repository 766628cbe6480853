/// Which letters a word has, folded into 64 bits (a scalar's value modulo 64: the Arabic letters fall on distinct bits,
/// and so do the Latin ones): a lower bound on the edits between two words, checked before the edit distance itself.
/// A letter one word has and the other lacks takes an edit of its own (a substitution, insertion or deletion touches
/// one letter; a swap changes none), and two letters folded onto one bit only lower the bound. A typo lookup compares
/// a word with hundreds of name words, nearly all of them too far: on «لاعباً هاماً على الساحة الإقليمية والدولية»
/// the distances were a quarter of the search.
struct LetterMask: Sendable {
    let bits: UInt64

    init(_ scalars: [Unicode.Scalar]) {
        var bits: UInt64 = 0
        for scalar in scalars { bits |= 1 << UInt64(scalar.value & 63) }
        self.bits = bits
    }

    /// No more than the edits `EditDistance` counts between the two words, whatever the first letter costs.
    func fewestEdits(to other: LetterMask) -> Int {
        max((bits & ~other.bits).nonzeroBitCount, (other.bits & ~bits).nonzeroBitCount)
    }
}
