import Glibc

/// A value guarded by a pthread mutex, with a condition variable for threads that wait for it to change: the log
/// writer waits for lines, a flush waits for the writer. pthread primitives, like `Locked`, so ThreadSanitizer sees the
/// real synchronisation. The condition measures timeouts on the monotonic clock (`Instant`), so a wall-clock jump
/// never stretches or cuts short a wait.
final class ConditionLocked<Value>: @unchecked Sendable {
    // @unchecked: `value` is only touched under `mutex`.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let condition: UnsafeMutablePointer<pthread_cond_t>
    private var value: Value

    /// What a waiter's step decided: finished with a result, or wait for a change (until an instant, or for ever).
    enum Step<Result> {
        case done(Result)
        case wait(until: Instant?)
    }

    init(_ value: Value) {
        self.value = value
        // Heap-allocated: pthread objects must never move once initialised.
        mutex = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
        condition = .allocate(capacity: 1)
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
        pthread_cond_init(condition, &attributes)
        pthread_condattr_destroy(&attributes)
    }

    deinit {
        pthread_cond_destroy(condition)
        condition.deallocate()
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Reads or changes the value without waking anyone.
    func withLock<R>(_ body: (inout Value) -> R) -> R {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return body(&value)
    }

    /// Changes the value and wakes every waiter, since the change may be what one waits for. A broadcast with nobody
    /// waiting costs no system call.
    func withLockBroadcasting<R>(_ body: (inout Value) -> R) -> R {
        pthread_mutex_lock(mutex)
        defer {
            pthread_cond_broadcast(condition)
            pthread_mutex_unlock(mutex)
        }
        return body(&value)
    }

    /// Runs `step` under the lock until it is done, waiting between tries as it says (the lock is released while
    /// waiting). A spurious or timed-out wake-up only means `step` looks again.
    func wait<R>(_ step: (inout Value) -> Step<R>) -> R {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while true {
            switch step(&value) {
            case .done(let result):
                return result
            case .wait(let deadline):
                guard let deadline else {
                    pthread_cond_wait(condition, mutex)
                    continue
                }
                let ns = max(0, deadline.nanoseconds)
                var at = timespec(tv_sec: Int(ns / 1_000_000_000), tv_nsec: Int(ns % 1_000_000_000))
                _ = pthread_cond_timedwait(condition, mutex, &at)
            }
        }
    }
}
