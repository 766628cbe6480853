import Testing

@testable import Server

/// The drain and shutdown rules of a connection, with a fake clock. A drain makes every response close its connection
/// but closes nothing by itself; a shutdown closes a connection only once it has been quiet (nothing asked, nothing
/// owed) for the quiet period, so a client that was just sending its next request is answered rather than cut off.
struct ConnectionStateMachineDrainTests: ConnectionStateMachineFixture {
    let quiet = Duration.milliseconds(200)

    // MARK: Drain

    @Test func drain_makesTheNextResponseClose_evenWhenTheClientAsksForKeepAlive() {
        var m = served()
        m.drainRequested()
        m.readProgress(.partialHead, now: at(1))
        #expect(m.requestDispatched(keepAlive: true) == true)
        m.outputQueued(now: at(1))
        #expect(m.wrote(drained: true, now: at(1.1)) == .close)
    }

    @Test func drain_leavesAConnectionBetweenRequestsOpen_untilItsIdleTimeout() {
        var m = served()
        m.drainRequested()
        #expect(m.tick(now: at(1)) == .none)
        #expect(m.tick(now: at(74.9)) == .none)
        #expect(!m.closed)
        #expect(m.tick(now: at(75)) == .close)
    }

    @Test func drain_aKeepAliveResponseAlreadyWriting_leavesTheConnectionOpenForOneMoreRequest() {
        var m = ConnectionStateMachine(timeouts: timeouts, now: t0)
        #expect(m.requestDispatched(keepAlive: true) == false)
        m.outputQueued(now: at(0))
        m.drainRequested()
        // Its response went out without `Connection: close`, so its client may send again: that request is answered.
        #expect(m.wrote(drained: true, now: at(0.1)) == .none)
        #expect(m.requestDispatched(keepAlive: true) == true)
    }

    // MARK: Shutdown

    @Test func shutdown_closesAConnectionBetweenRequests_onlyOnceQuietForTheQuietPeriod() {
        var m = served()
        #expect(m.shutdownRequested(now: at(5), quietPeriod: quiet) == .none)
        #expect(m.tick(now: at(5.1)) == .none)
        #expect(m.tick(now: at(5.2)) == .closeIfNothingArrived)
        #expect(m.lastReadDone(now: at(5.2)) == .close)
        #expect(m.closed)
    }

    @Test func shutdown_quietPeriodRunsFromTheLastActivity_whenThatIsLater() {
        var m = ConnectionStateMachine(timeouts: timeouts, now: t0)
        #expect(m.requestDispatched(keepAlive: true) == false)
        m.readProgress(.nothingBuffered, now: at(0))
        m.outputQueued(now: at(0))
        #expect(m.shutdownRequested(now: at(0.1), quietPeriod: quiet) == .none)
        // The keep-alive response finishes writing after the shutdown began: its client gets the whole period.
        #expect(m.wrote(drained: true, now: at(0.25)) == .none)
        #expect(m.tick(now: at(0.4)) == .none)
        #expect(m.tick(now: at(0.45)) == .closeIfNothingArrived)
    }

    @Test func shutdown_aRequestArrivingInTheQuietPeriod_isAnsweredWithClose() {
        var m = served()
        _ = m.shutdownRequested(now: at(5), quietPeriod: quiet)
        m.readProgress(.partialHead, now: at(5.1))
        #expect(m.tick(now: at(6)) == .none, "a request in progress is never quiet")
        #expect(m.requestDispatched(keepAlive: true) == true)
        m.outputQueued(now: at(6))
        #expect(m.wrote(drained: true, now: at(6.1)) == .close)
    }

    @Test func shutdown_aRequestFoundByTheLastRead_keepsTheConnectionOpenUntilItIsAnswered() {
        var m = served()
        _ = m.shutdownRequested(now: at(5), quietPeriod: quiet)
        #expect(m.tick(now: at(5.2)) == .closeIfNothingArrived)
        m.readProgress(.partialHead, now: at(5.2))
        #expect(m.lastReadDone(now: at(5.2)) == .none)
        #expect(!m.closed)
        #expect(m.requestDispatched(keepAlive: true) == true)
    }

    @Test func shutdown_aConnectionAcceptedDuringIt_getsTheWholeQuietPeriodToSpeak() {
        var m = ConnectionStateMachine(timeouts: timeouts, now: at(3))
        #expect(m.shutdownRequested(now: at(3), quietPeriod: quiet) == .none)
        #expect(m.tick(now: at(3.1)) == .none)
        #expect(m.tick(now: at(3.2)) == .closeIfNothingArrived)
    }

    @Test func shutdown_aRequestInFlight_isNotCutByTheQuietPeriod_andItsResponseCloses() {
        var m = ConnectionStateMachine(timeouts: timeouts, now: t0)
        m.readProgress(.partialBody, now: at(1))
        #expect(m.shutdownRequested(now: at(1), quietPeriod: quiet) == .none)
        #expect(m.tick(now: at(5)) == .none)
        m.readProgress(.nothingBuffered, now: at(6))
        #expect(m.requestDispatched(keepAlive: true) == true)
        m.outputQueued(now: at(6))
        #expect(m.wrote(drained: true, now: at(6.1)) == .close)
    }

    @Test func shutdown_withNoQuietPeriod_closesAnIdleConnectionAtOnce_afterALastRead() {
        var m = served()
        #expect(m.shutdownRequested(now: at(1), quietPeriod: .zero) == .closeIfNothingArrived)
        #expect(m.lastReadDone(now: at(1)) == .close)
    }

    @Test func shutdown_stillClosesASilentConnectionAtTheHeaderTimeout_withoutA408() {
        var m = ConnectionStateMachine(timeouts: timeouts, now: t0)
        _ = m.shutdownRequested(now: at(9.9), quietPeriod: .seconds(1))
        #expect(m.tick(now: at(10)) == .close)
    }
}
