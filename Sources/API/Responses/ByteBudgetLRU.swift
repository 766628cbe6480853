/// A least-recently-used map bounded by a byte budget: every value is stored with its cost, and storing one evicts
/// the least recently used entries until the total fits. `get` and `put` are O(1): a dictionary from key to a slot,
/// and a doubly-linked list threaded through the slots by array index (no node is allocated per entry; freed slots
/// are reused). Not thread-safe: `ResponseCache` holds it under one lock.
struct ByteBudgetLRU<Key: Hashable, Value> {
    private static var none: Int { -1 }

    /// The most the entries' costs may add up to; 0 stores nothing.
    let budget: Int
    /// Slot → key, value and cost; nil for a free slot. Each in its own array (as are the links), so a lookup copies
    /// only the value, and relinking copies nothing.
    private var keys: [Key?] = []
    private var values: [Value?] = []
    private var costs: [Int] = []
    /// Slot → the slot towards the most recently used end (`none` for the head).
    private var newer: [Int] = []
    /// Slot → the slot towards the least recently used end (`none` for the tail).
    private var older: [Int] = []
    private var freeSlots: [Int] = []
    private var index: [Key: Int] = [:]
    /// Most recently used.
    private var head = ByteBudgetLRU.none
    /// Least recently used: the next to go.
    private var tail = ByteBudgetLRU.none

    /// The sum of the stored entries' costs; never above `budget`.
    private(set) var bytes = 0
    /// Entries removed to make room, since creation (`removeAll` does not count).
    private(set) var evictions = 0

    init(budget: Int) {
        self.budget = max(0, budget)
    }

    var count: Int { index.count }

    /// The value, now the most recently used; nil when absent.
    mutating func get(_ key: Key) -> Value? {
        guard let i = index[key] else { return nil }
        if i != head {
            unlink(i)
            linkAtHead(i)
        }
        return values[i]
    }

    /// Stores `value` as the most recently used, evicting from the least recently used end until it fits. A value
    /// costing more than the whole budget is not stored (and evicts nothing). Replaces an entry under the same key.
    /// Returns whether it was stored.
    @discardableResult
    mutating func put(_ key: Key, _ value: Value, cost: Int) -> Bool {
        guard cost >= 0, cost <= budget else { return false }
        if let existing = index[key] { remove(at: existing) }
        while bytes + cost > budget, tail != ByteBudgetLRU.none {
            remove(at: tail)
            evictions += 1
        }
        let i: Int
        if let free = freeSlots.popLast() {
            i = free
            keys[i] = key
            values[i] = value
            costs[i] = cost
        } else {
            i = keys.count
            keys.append(key)
            values.append(value)
            costs.append(cost)
            newer.append(ByteBudgetLRU.none)
            older.append(ByteBudgetLRU.none)
        }
        linkAtHead(i)
        index[key] = i
        bytes += cost
        return true
    }

    /// Forgets every entry (a data reload makes them all stale) and returns their memory.
    mutating func removeAll() {
        keys = []
        values = []
        costs = []
        newer = []
        older = []
        freeSlots = []
        index = [:]
        head = ByteBudgetLRU.none
        tail = ByteBudgetLRU.none
        bytes = 0
    }

    /// The keys from the most to the least recently used (for tests and diagnostics; O(n)).
    var keysByRecency: [Key] {
        var keys: [Key] = []
        var i = head
        while i != ByteBudgetLRU.none {
            if let key = self.keys[i] { keys.append(key) }
            i = older[i]
        }
        return keys
    }

    private mutating func unlink(_ i: Int) {
        if newer[i] != ByteBudgetLRU.none { older[newer[i]] = older[i] } else { head = older[i] }
        if older[i] != ByteBudgetLRU.none { newer[older[i]] = newer[i] } else { tail = newer[i] }
        newer[i] = ByteBudgetLRU.none
        older[i] = ByteBudgetLRU.none
    }

    private mutating func linkAtHead(_ i: Int) {
        newer[i] = ByteBudgetLRU.none
        older[i] = head
        if head != ByteBudgetLRU.none { newer[head] = i }
        head = i
        if tail == ByteBudgetLRU.none { tail = i }
    }

    private mutating func remove(at i: Int) {
        guard let key = keys[i] else { return }
        unlink(i)
        index[key] = nil
        bytes -= costs[i]
        keys[i] = nil
        values[i] = nil
        freeSlots.append(i)
    }
}
