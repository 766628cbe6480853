import Testing

@testable import Server

/// The connection rules with a fake clock: no sleeping, every deadline hit exactly.
struct ConnectionStateMachineTests {
    let timeouts = ConnectionTimeouts(header: .seconds(10), idle: .seconds(75), write: .seconds(30))
    let t0 = Instant(nanoseconds: 1_000_000_000_000)

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

    @Test func silentConnection_closesAtTheHeaderTimeoutFromAccept_withoutA408() {
        var m = ConnectionStateMachine(timeouts: timeouts, now: t0)
        #expect(m.tick(now: at(9.9)) == .none)
        #expect(m.tick(now: at(10)) == .close)
        #expect(m.closed)
    }

    @Test func wakeUpsWithNothingRead_doNotRestartTheFirstRequestsClock() {
        var m = ConnectionStateMachine(timeouts: timeouts, now: t0)
        m.readProgress(.nothingBuffered, now: at(5))
        m.readProgress(.nothingBuffered, now: at(9))
        #expect(m.tick(now: at(10)) == .close)
    }

    @Test func theFirstRequestsHead_isTimedFromAccept_notFromItsFirstByte() {
        var m = ConnectionStateMachine(timeouts: timeouts, now: t0)
        m.readProgress(.partialHead, now: at(8))
        #expect(m.tick(now: at(9.9)) == .none)
        #expect(m.tick(now: at(10)) == .timeOutRequest)
    }

    @Test func shutdown_closesASilentConnectionAtOnce() {
        var m = ConnectionStateMachine(timeouts: timeouts, now: t0)
        #expect(m.shutdownRequested() == .close)
    }

    @Test func idleConnection_closesExactlyAtTheIdleTimeout() {
        var m = served()
        #expect(m.tick(now: at(74.9)) == .none)
        #expect(m.tick(now: at(75)) == .close)
        #expect(m.closed)
    }

    @Test func idleTimer_restartsWhenAResponseFinishesWriting() {
        var m = ConnectionStateMachine(timeouts: timeouts, now: t0)
        m.readProgress(.partialHead, now: at(70))
        m.readProgress(.nothingBuffered, now: at(70.5))
        #expect(m.requestDispatched(keepAlive: true) == false)
        m.outputQueued(now: at(70.5))
        #expect(m.wrote(drained: true, now: at(71)) == .none)
        #expect(m.tick(now: at(145.9)) == .none)
        #expect(m.tick(now: at(146)) == .close)
    }

    @Test func partialHead_timesOutWith408_evenIfBytesKeepTrickling() {
        var m = served()
        m.readProgress(.partialHead, now: at(1))
        m.readProgress(.partialHead, now: at(5))
        m.readProgress(.partialHead, now: at(10.9))
        #expect(m.tick(now: at(10.9)) == .none)
        #expect(m.tick(now: at(11)) == .timeOutRequest)
        #expect(m.closeAfterWrite)
        // Once the 408 is owed, the timer does not fire again.
        #expect(m.tick(now: at(30)) == .none)
    }

    @Test func body_timesOutOnlyWhenNoBytesArriveForTheHeaderTimeout() {
        var m = ConnectionStateMachine(timeouts: timeouts, now: t0)
        m.readProgress(.partialBody, now: at(1))
        m.readProgress(.partialBody, now: at(9))
        #expect(m.tick(now: at(18.9)) == .none)
        #expect(m.tick(now: at(19)) == .timeOutRequest)
    }

    @Test func stalledWrite_closesAtTheWriteTimeout_butProgressResetsIt() {
        var m = ConnectionStateMachine(timeouts: timeouts, now: t0)
        _ = m.requestDispatched(keepAlive: true)
        m.outputQueued(now: at(0))
        #expect(m.wrote(drained: false, now: at(20)) == .none)
        #expect(m.tick(now: at(49.9)) == .none)
        #expect(m.tick(now: at(50)) == .close)
    }

    @Test func pendingOutput_suspendsTheIdleTimeout() {
        var m = ConnectionStateMachine(timeouts: timeouts, now: t0)
        _ = m.requestDispatched(keepAlive: true)
        m.outputQueued(now: at(0))
        var now = 0.0
        while now < 100 {
            now += 25
            _ = m.wrote(drained: false, now: at(now))
            #expect(m.tick(now: at(now)) == .none)
        }
    }

    @Test func responseToANonKeepAliveRequest_closesOnceWritten() {
        var m = ConnectionStateMachine(timeouts: timeouts, now: t0)
        #expect(m.requestDispatched(keepAlive: false) == true)
        m.outputQueued(now: at(0))
        #expect(m.wrote(drained: false, now: at(0.1)) == .none)
        #expect(m.wrote(drained: true, now: at(0.2)) == .close)
    }

    @Test func shutdown_closesAnIdleConnectionAtOnce() {
        var m = ConnectionStateMachine(timeouts: timeouts, now: t0)
        #expect(m.shutdownRequested() == .close)
    }

    @Test func shutdown_letsARequestInFlightFinish_andItsResponseCloses() {
        var m = ConnectionStateMachine(timeouts: timeouts, now: t0)
        m.readProgress(.partialBody, now: at(1))
        #expect(m.shutdownRequested() == .none)
        m.readProgress(.nothingBuffered, now: at(2))
        #expect(m.requestDispatched(keepAlive: true) == true)
        m.outputQueued(now: at(2))
        #expect(m.wrote(drained: true, now: at(2.1)) == .close)
    }

    @Test func shutdown_whileAKeepAliveResponseIsStillWriting_closesWhenItDrains() {
        var m = ConnectionStateMachine(timeouts: timeouts, now: t0)
        #expect(m.requestDispatched(keepAlive: true) == false)
        m.outputQueued(now: at(0))
        #expect(m.shutdownRequested() == .none)
        #expect(m.wrote(drained: true, now: at(1)) == .close)
    }

    @Test func peerClose_withOutputPending_waitsForTheWrite() {
        var m = ConnectionStateMachine(timeouts: timeouts, now: t0)
        _ = m.requestDispatched(keepAlive: true)
        m.outputQueued(now: at(0))
        #expect(m.peerClosed() == .none)
        #expect(m.wrote(drained: true, now: at(1)) == .close)
    }

    @Test func peerClose_withNothingPending_closesAtOnce() {
        var m = ConnectionStateMachine(timeouts: timeouts, now: t0)
        #expect(m.peerClosed() == .close)
    }

    @Test func engineError_alwaysClosesAfterItsResponse() {
        var m = ConnectionStateMachine(timeouts: timeouts, now: t0)
        m.errorQueued()
        m.outputQueued(now: at(0))
        #expect(m.wrote(drained: true, now: at(0)) == .close)
    }
}
