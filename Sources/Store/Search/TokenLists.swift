/// Singly linked lists of token indices in one flat array, one per search: where a text match keeps every further
/// occurrence of its word without an array of its own (see `SearchIndex.WordMatch`).
struct TokenLists: Sendable {
    /// The empty list.
    static let none: Int32 = -1

    /// A token and the index of the link after it. One array of pairs rather than two arrays: one append per push,
    /// about half of the 180 instructions a push cost.
    private struct Link {
        var token: Int32
        var next: Int32
    }

    private var links: [Link] = []

    /// The list `head` with `token` in front; its new head.
    mutating func push(_ token: Int, onto head: Int32) -> Int32 {
        links.append(Link(token: Int32(token), next: head))
        return Int32(links.count - 1)
    }

    func contains(_ token: Int, from head: Int32) -> Bool {
        var i = head
        while i != TokenLists.none {
            let link = links[Int(i)]
            if link.token == Int32(token) { return true }
            i = link.next
        }
        return false
    }

    func forEach(from head: Int32, _ body: (Int) -> Void) {
        var i = head
        while i != TokenLists.none {
            let link = links[Int(i)]
            body(Int(link.token))
            i = link.next
        }
    }
}
