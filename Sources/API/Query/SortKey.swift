/// A value to sort on. Missing values sort last whichever the direction, so `sort=-date` still ends with undated rows.
enum SortKey: Sendable, Comparable {
    case number(Double)
    case text(String)
    case missing

    static func < (a: SortKey, b: SortKey) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)): x < y
        case (.text(let x), .text(let y)): x.utf8.lexicographicallyPrecedes(y.utf8)
        case (.number, .text): true
        case (.text, .number): false
        case (.missing, _), (_, .missing): false
        }
    }

    var isMissing: Bool {
        if case .missing = self { return true }
        return false
    }
}
