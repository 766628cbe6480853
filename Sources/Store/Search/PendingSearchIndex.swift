import Dispatch
import Synchronization

/// A search index built once, off whichever thread first needs it or asks for it early (`start()`): the executable
/// starts it right after the listener opens, so start-up never waits for it and the first search rarely does.
/// `value` waits for it (once built, an atomic check, a group check and a copy of the index's references). Dispatch's
/// group carries the happens-before edge from the builder to every reader, which ThreadSanitizer sees.
final class PendingSearchIndex: @unchecked Sendable {
    // @unchecked: `built` is written once, by the builder, before `group.leave()`, and read only after `group.wait()`.
    private var built: SearchIndex?
    private let group = DispatchGroup()
    private let started = Atomic<Bool>(false)
    private let build: @Sendable () -> SearchIndex

    init(_ build: @escaping @Sendable () -> SearchIndex) {
        self.build = build
        group.enter()
    }

    /// Begins the build on a background thread, once; later calls do nothing.
    func start() {
        guard !started.exchange(true, ordering: .acquiringAndReleasing) else { return }
        DispatchQueue.global(qos: .utility).async {
            self.built = self.build()
            self.group.leave()
        }
    }

    var value: SearchIndex {
        start()
        group.wait()
        // Set before the group was left, and never again.
        return built!
    }
}
