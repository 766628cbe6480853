import Dispatch

/// A search index being built on another thread: `value` waits for it (once built, a check of the group and a copy
/// of the index's references). Dispatch's group carries the happens-before edge from the builder to every reader,
/// which ThreadSanitizer sees.
final class PendingSearchIndex: @unchecked Sendable {
    // @unchecked: `built` is written once, by the builder, before `group.leave()`, and read only after `group.wait()`.
    private var built: SearchIndex?
    private let group = DispatchGroup()

    init(_ build: @escaping @Sendable () -> SearchIndex) {
        group.enter()
        DispatchQueue.global(qos: .userInitiated).async {
            self.built = build()
            self.group.leave()
        }
    }

    var value: SearchIndex {
        group.wait()
        // Set before the group was left, and never again.
        return built!
    }
}
