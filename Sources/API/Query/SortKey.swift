/// A value to sort on. Missing values sort last whichever the direction, so `sort=-date` still ends with undated rows.
enum SortKey: Sendable, Comparable {
    case number(Double)
    case text(String)
    case missing

    static func < (a: SortKey, b: SortKey) -> Bool {
        switch (a, b) {
        case let (.number(x), .number(y)): x < y
        case let (.text(x), .text(y)): x.utf8.lexicographicallyPrecedes(y.utf8)
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
