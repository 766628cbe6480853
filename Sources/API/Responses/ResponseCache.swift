import Server

/// Every computed answer the server keeps — answers to queries, the sub-collections encoded after start-up, and
/// every forwarded base's answers — under one process-wide byte budget (`--cache-size`), least recently used evicted
/// first. The data never changes while it is loaded, so an entry never goes stale; the budget only caps memory, and
/// it caps it however many spellings, bases or paths clients send. `removeAll()` empties it for a data reload.
///
/// Each `get` and `put` takes one lock, held only for O(1) work (a dictionary lookup and relinking a list).
final class ResponseCache: Sendable {
    /// The default budget: with the ~25 MB the process needs for the data and its precomputed answers, a replica
    /// stays near 60 MB, well under the Kubernetes manifest's 128 Mi limit.
    static let defaultBudget = 32 << 20
    /// Bodies larger than this are not worth a slot: computed per request instead.
    static let largestEntry = 256 << 10
    /// What an entry costs beyond its body, fields and key: the slot, the dictionary entry, the response's arrays'
    /// headers and malloc's rounding, so the budget stays close to the memory actually held.
    static let entryOverhead = 256

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
        let cost = ResponseCache.cost(of: response, key: key)
        state.withLock { s in _ = s.entries.put(key, response, cost: cost) }
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
