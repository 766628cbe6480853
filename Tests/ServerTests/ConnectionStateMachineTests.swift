import Testing

@testable import Server

/// The connection rules with a fake clock: no sleeping, every deadline hit exactly. The drain and shutdown rules are
/// in `ConnectionStateMachineDrainTests`.
struct ConnectionStateMachineTests: ConnectionStateMachineFixture {
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
