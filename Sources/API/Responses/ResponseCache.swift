import Server

/// A bounded cache of computed query responses (`/search?q=…`, filtered and sorted pages), keyed by the exact
/// target. The data never changes, so an entry never goes stale; the bounds only cap memory. When full, the oldest
/// half is dropped (FIFO): simple, and the hot queries come straight back.
final class ResponseCache: Sendable {
    static let maxEntries = 2048
    static let maxBytes = 32 << 20
    /// Bodies larger than this are not worth a slot.
    static let maxEntryBytes = 256 << 10

    private struct State {
        var entries: [String: PreparedResponse] = [:]
        var order: [String] = []
        var bytes = 0
    }

    private let state = Locked(State())

    func get(_ key: String) -> PreparedResponse? {
        state.withLock { $0.entries[key] }
    }

    func put(_ key: String, _ response: PreparedResponse) {
        guard response.body.count <= ResponseCache.maxEntryBytes else { return }
        state.withLock { s in
            guard s.entries[key] == nil else { return }
            if s.entries.count >= ResponseCache.maxEntries || s.bytes + response.body.count > ResponseCache.maxBytes {
                let drop = s.order.count / 2
                for old in s.order.prefix(drop) { s.bytes -= s.entries.removeValue(forKey: old)?.body.count ?? 0 }
                s.order.removeFirst(drop)
            }
            s.entries[key] = response
            s.order.append(key)
            s.bytes += response.body.count
        }
    }

    var count: Int { state.withLock { $0.entries.count } }
}
