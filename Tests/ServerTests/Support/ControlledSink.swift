@testable import Server

/// A log sink a test controls: each write waits until the test allows it (one permit per write, or all once opened),
/// then is recorded with the instant it arrived. A write waits at most 10 s, so a test that forgets to allow one
/// fails instead of hanging.
final class ControlledSink: Sendable {
    struct Write {
        var bytes: [UInt8]
        var at: Instant
    }

    struct State {
        var isOpen = false
        var permits = 0
        var writes: [Write] = []
    }

    let state = ConditionLocked(State())

    func write(_ bytes: [UInt8]) {
        let deadline = Instant.now() + .seconds(10)
        state.wait { s -> ConditionLocked<State>.Step<Void> in
            if s.isOpen { return .done(()) }
            if s.permits > 0 {
                s.permits -= 1
                return .done(())
            }
            return Instant.now() >= deadline ? .done(()) : .wait(until: deadline)
        }
        state.withLockBroadcasting { $0.writes.append(Write(bytes: bytes, at: .now())) }
    }

    /// Lets `count` more writes through.
    func allow(_ count: Int) { state.withLockBroadcasting { $0.permits += count } }

    /// Lets every write through from now on.
    func open() { state.withLockBroadcasting { $0.isOpen = true } }

    var writes: [Write] { state.withLock { $0.writes } }

    /// Everything written, as text.
    var text: String { String(decoding: writes.flatMap(\.bytes), as: UTF8.self) }

    /// Waits up to `timeout` until `count` writes have arrived; whether they did.
    func waitForWrites(_ count: Int, timeout: Duration = .seconds(5)) -> Bool {
        let deadline = Instant.now() + timeout
        return state.wait { s -> ConditionLocked<State>.Step<Bool> in
            if s.writes.count >= count { return .done(true) }
            return Instant.now() >= deadline ? .done(false) : .wait(until: deadline)
        }
    }
}
