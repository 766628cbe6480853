import Glibc

/// A value read on every request and replaced rarely (the dataset a reload swaps in), behind a pthread read-write
/// lock: readers never wait for each other, so event loops reading it at once do not queue on one mutex (a contended
/// mutex falls back to futex sleeps); only a replacement briefly holds readers off. A pthread lock rather than
/// raw atomics keeps ThreadSanitizer able to check it, as with `Locked`.
public final class ReadMostly<Value>: @unchecked Sendable {
    // @unchecked: `value` is read under the read lock and written under the write lock only.
    private let lock: UnsafeMutablePointer<pthread_rwlock_t>
    private var value: Value

    public init(_ value: Value) {
        self.value = value
        // Heap-allocated: a pthread lock must never move once initialised.
        lock = .allocate(capacity: 1)
        pthread_rwlock_init(lock, nil)
    }

    deinit {
        pthread_rwlock_destroy(lock)
        lock.deallocate()
    }

    /// A copy of the current value (for a class, a strong reference that keeps it alive after a replacement).
    public func read() -> Value {
        pthread_rwlock_rdlock(lock)
        defer { pthread_rwlock_unlock(lock) }
        return value
    }

    /// Replaces the value and returns the one it replaced.
    public func replace(with newValue: Value) -> Value {
        pthread_rwlock_wrlock(lock)
        defer { pthread_rwlock_unlock(lock) }
        let old = value
        value = newValue
        return old
    }
}
