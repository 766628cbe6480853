import Synchronization

/// Open connections across all loops: the one count that both `--max-connections` caps and `/metrics` reports.
final class ConnectionCounter: Sendable {
    private let value = Atomic<Int>(0)

    var current: Int { value.load(ordering: .relaxed) }

    /// Increments unless that would exceed `limit` (0 = no limit).
    func tryIncrement(limit: Int) -> Bool {
        if limit <= 0 {
            value.add(1, ordering: .relaxed)
            return true
        }
        var current = value.load(ordering: .relaxed)
        while current < limit {
            let (exchanged, original) = value.compareExchange(
                expected: current, desired: current + 1, ordering: .relaxed)
            if exchanged { return true }
            current = original
        }
        return false
    }

    func decrement() {
        value.subtract(1, ordering: .relaxed)
    }
}
