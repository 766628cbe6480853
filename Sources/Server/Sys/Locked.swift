import Glibc

/// A value guarded by a pthread mutex. Used instead of Synchronization's `Mutex` because that one is built on raw
/// futexes on Linux, which ThreadSanitizer cannot see: every access under it was reported as a race. pthread mutexes
/// are intercepted, so the sanitizer checks the real locking. None of these locks is on the per-request hot path of a
/// loop's own connections (caches and counters take one uncontended lock per request at most).
public final class Locked<Value>: @unchecked Sendable {
    // @unchecked: `value` is only touched inside `withLock`, under `mutex`.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var value: Value

    public init(_ value: Value) {
        self.value = value
        // Heap-allocated: a pthread mutex must never move once initialised.
        mutex = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    public func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}
