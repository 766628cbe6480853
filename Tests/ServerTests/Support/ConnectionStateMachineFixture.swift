@testable import Server

/// The fake clock and starting state the connection-rule suites share: 10 s header, 75 s idle and 30 s write
/// timeouts, and times given in seconds after `t0`.
protocol ConnectionStateMachineFixture {}

extension ConnectionStateMachineFixture {
    var timeouts: ConnectionTimeouts {
        ConnectionTimeouts(header: .seconds(10), idle: .seconds(75), write: .seconds(30))
    }
    var t0: Instant { Instant(nanoseconds: 1_000_000_000_000) }

    func at(_ seconds: Double) -> Instant { t0 + .milliseconds(Int64(seconds * 1000)) }

    /// A keep-alive connection whose first request was answered at t0: between requests, idle since t0.
    func served() -> ConnectionStateMachine {
        var m = ConnectionStateMachine(timeouts: timeouts, now: t0)
        m.readProgress(.partialHead, now: t0)
        m.readProgress(.nothingBuffered, now: t0)
        _ = m.requestDispatched(keepAlive: true)
        m.outputQueued(now: t0)
        _ = m.wrote(drained: true, now: t0)
        return m
    }
}
