import Server

/// Every computed answer the server keeps — answers to queries, the sub-collections encoded after start-up, and
/// every forwarded base's answers — under one process-wide byte budget (`--cache-size`), least recently used evicted
/// first. The data never changes while it is loaded, so an entry never goes stale; the budget only caps memory, and
/// it caps it however many spellings, bases or paths clients send. `removeAll()` empties it for a data reload.
///
/// Each `get` and `put` takes one lock, held only for O(1) work (a dictionary lookup and relinking a list).
final class ResponseCache: Sendable {
    /// The default budget: with the ~28 MB the process needs for the data and its precomputed answers, a replica
    /// stays near 70 MB (measured with every answer a new entry), well under the Kubernetes manifest's 128 Mi limit.
    static let defaultBudget = 32 << 20
    /// Bodies larger than this are not worth a slot: computed per request instead.
    static let largestEntry = 256 << 10
    /// What an entry costs beyond its body, fields and key: the slot, the dictionary entry, the response's arrays'
    /// and strings' headers, malloc's rounding and the fragmentation of a heap whose entries keep being replaced.
    /// Measured, not derived: the uncached search workload (every answer a new entry, ~3.5 KB each) held 47 MB for
    /// this 32 MB budget with 256 here, 39 MB with 1,536.
    static let entryOverhead = 1536

    /// A snapshot for `/metrics`.
    struct Stats: Sendable, Equatable {
        var budget: Int
        var bytes: Int
        var entries: Int
        var evictions: Int
        var hits: Int
        var misses: Int
    }

    private struct State {
        var entries: ByteBudgetLRU<ResponseCacheKey, PreparedResponse>
        var hits = 0
        var misses = 0
    }

    /// The largest body this cache stores: `largestEntry`, or an eighth of a small budget, so one answer never
    /// takes the whole of it.
    let largestBody: Int
    private let state: Locked<State>

    /// `budget` in bytes; 0 disables caching (every `get` misses, every `put` is dropped).
    init(budget: Int = ResponseCache.defaultBudget) {
        largestBody = min(ResponseCache.largestEntry, max(0, budget) / 8)
        state = Locked(State(entries: ByteBudgetLRU(budget: budget)))
    }

    func get(_ key: ResponseCacheKey) -> PreparedResponse? {
        state.withLock { s in
            let found = s.entries.get(key)
            if found == nil { s.misses += 1 } else { s.hits += 1 }
            return found
        }
    }

    func put(_ key: ResponseCacheKey, _ response: PreparedResponse) {
        guard response.body.count <= largestBody else { return }
        let kept = response.compacted()
        let cost = ResponseCache.cost(of: kept, key: key)
        state.withLock { s in _ = s.entries.put(key, kept, cost: cost) }
    }

    /// Forgets every answer (for a data reload); the counters keep counting.
    func removeAll() {
        state.withLock { $0.entries.removeAll() }
    }

    var stats: Stats {
        state.withLock { s in
            Stats(
                budget: s.entries.budget, bytes: s.entries.bytes, entries: s.entries.count,
                evictions: s.entries.evictions, hits: s.hits, misses: s.misses)
        }
    }

    var count: Int { state.withLock { $0.entries.count } }

    /// The bytes an entry holds: its body, its fields and its 304's, its key, and the overhead.
    static func cost(of response: PreparedResponse, key: ResponseCacheKey) -> Int {
        response.body.count + cost(of: response.headers) + cost(of: response.notModifiedHeaders) + key.cost
            + entryOverhead
    }

    /// Fields are held twice, as a list and in wire form (`PreEncodedHeaders`), plus each list entry's own size.
    private static func cost(of fields: PreEncodedHeaders) -> Int {
        fields.headers.reduce(0) { $0 + 2 * ($1.name.rawName.utf8.count + $1.value.utf8.count + 4) + 32 }
    }
}

extension PreparedResponse {
    /// The same response with its body in a buffer of its own size. A body is written into a buffer reserved
    /// ahead (or grown by doubling): up to twice its bytes, which the cache's budget, counting the bytes, did not
    /// see — a full 32 MB cache held about 59 MB. The copy is one `memcpy` of a body that is computed anyway.
    func compacted() -> PreparedResponse {
        guard body.capacity > body.count + body.count / 16 else { return self }
        var copy = self
        copy.body = body.withUnsafeBufferPointer { Array($0) }
        return copy
    }
}
