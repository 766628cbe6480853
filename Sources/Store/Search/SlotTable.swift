/// Per place (a name entry, a text document, a target), one slot per query word: rows in the order places were first
/// touched, found through a dense index of every place. A search touches a few hundred places out of thousands and
/// asks about each many times; nested dictionaries keyed by place and word spent about half a search's instructions
/// hashing, allocating and freeing, and this table allocates four arrays.
struct SlotTable<Slot> {
    /// Slots per row: the query's word count.
    let width: Int
    /// Place → its row, or -1.
    private var rowOf: [Int32]
    /// Row → its place.
    private(set) var places: [Int] = []
    /// Row `r`'s slot for word `w` is `slots[r * width + w]`.
    private(set) var slots: [Slot?] = []

    init(places count: Int, width: Int) {
        self.width = width
        rowOf = Array(repeating: -1, count: count)
        // Room for a heavy query's rows up front: grown from empty, the rows were copied about ten times a request.
        let rows = min(count, SlotTable.reservedRows)
        places.reserveCapacity(rows)
        slots.reserveCapacity(rows * width)
    }

    /// Rows reserved when the table is made: a heavy query touches a few hundred places.
    private static var reservedRows: Int { 512 }

    var rowCount: Int { places.count }

    /// The row of `place`, if it has one.
    func row(of place: Int) -> Int? {
        let row = rowOf[place]
        return row < 0 ? nil : Int(row)
    }

    /// The row of `place`, made (empty) if it has none.
    mutating func makeRow(_ place: Int) -> Int {
        let row = rowOf[place]
        if row >= 0 { return Int(row) }
        rowOf[place] = Int32(places.count)
        places.append(place)
        // One append per slot: `append(contentsOf: repeatElement(…))` takes the generic path, ten times the cost.
        for _ in 0..<width { slots.append(nil) }
        return places.count - 1
    }

    subscript(row: Int, word: Int) -> Slot? {
        get { slots[row * width + word] }
        _modify { yield &slots[row * width + word] }
        set { slots[row * width + word] = newValue }
    }

    /// A row's filled slots, in word order, with their words.
    func filled(_ row: Int) -> [(word: Int, slot: Slot)] {
        (0..<width).compactMap { word in slots[row * width + word].map { (word: word, slot: $0) } }
    }

    /// How many of a row's slots are filled.
    func count(_ row: Int) -> Int {
        var n = 0
        for word in 0..<width where slots[row * width + word] != nil { n += 1 }
        return n
    }
}
extension SlotTable: Sendable where Slot: Sendable {}
