import Synchronization

/// How many times the data was reloaded (SIGHUP), and how many reloads were refused because the new data had
/// problems (the old data kept serving). Shared by every dataset, so `/metrics` counts across reloads.
public final class ReloadCounters: Sendable {
    private let succeededCount = Atomic<Int>(0)
    private let failedCount = Atomic<Int>(0)

    init() {}

    func succeeded() { succeededCount.add(1, ordering: .relaxed) }
    func failed() { failedCount.add(1, ordering: .relaxed) }

    public var successes: Int { succeededCount.load(ordering: .relaxed) }
    public var failures: Int { failedCount.load(ordering: .relaxed) }
}
