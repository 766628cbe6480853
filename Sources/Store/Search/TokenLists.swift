/// Singly linked lists of token indices in two flat arrays, one pair per search: where a text match keeps every
/// further occurrence of its word without an array of its own (see `SearchIndex.WordMatch`).
struct TokenLists: Sendable {
    /// The empty list.
    static let none: Int32 = -1

    private var tokens: [Int32] = []
    private var next: [Int32] = []

    /// The list `head` with `token` in front; its new head.
    mutating func push(_ token: Int, onto head: Int32) -> Int32 {
        tokens.append(Int32(token))
        next.append(head)
        return Int32(tokens.count - 1)
    }

    func contains(_ token: Int, from head: Int32) -> Bool {
        var i = head
        while i != TokenLists.none {
            if tokens[Int(i)] == Int32(token) { return true }
            i = next[Int(i)]
        }
        return false
    }

    func forEach(from head: Int32, _ body: (Int) -> Void) {
        var i = head
        while i != TokenLists.none {
            body(Int(tokens[Int(i)]))
            i = next[Int(i)]
        }
    }
}
