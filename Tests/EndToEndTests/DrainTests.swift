import Foundation
import TestSupport
import Testing

/// SIGTERM while keep-alive clients hammer the real binary: no request sent is left unanswered, every connection is
/// told `Connection: close` before it is closed, and the only failure a client sees is a connect refused once the
/// listener has closed.
@Suite(.serialized) struct DrainTests {
    static let clients = 8

    /// Starts the server and the clients, waits until they are in full swing, sends SIGTERM and lets everything end.
    func hammerThroughSIGTERM(drainDelay: String?, during: (ServerProcess) throws -> Void = { _ in }) throws -> (
        KeepAliveHammer.Tally, status: Int32, stoppedAfter: TimeInterval
    ) {
        let delay = drainDelay.map { ["--drain-delay", $0] } ?? []
        let server = try ServerProcess.started(
            ["--threads", "2", "--access-log", "off", "--shutdown-grace", "5s"] + delay)
        let hammer = KeepAliveHammer(port: server.port, clients: Self.clients, seconds: 30)
        let warm = Date().addingTimeInterval(10)
        while hammer.snapshot.answered < 500, Date() < warm { usleep(10_000) }
        hammer.markSignal()
        let signalled = Date()
        server.signal(SIGTERM)
        try during(server)
        let status = server.finish(timeout: 20).status
        let stoppedAfter = Date().timeIntervalSince(signalled)
        #expect(hammer.join(timeout: 20), "every client ends at a refused connect")
        return (hammer.snapshot, status, stoppedAfter)
    }

    /// The figures the brief asks for (printed so a run against older code shows what it lost), then the rules.
    func expectNothingLost(_ tally: KeepAliveHammer.Tally, _ label: String) {
        print(
            "\(label): sent \(tally.sent), answered \(tally.answered), lost \(tally.lost), connections \(tally.connectionsOpened) (closed with notice \(tally.connectionsClosedWithNotice), without \(tally.connectionsClosedWithoutNotice)), refused clients \(tally.refusedClients)"
        )
        #expect(tally.answered >= 500, "the clients were hammering when SIGTERM came")
        #expect(tally.lost == 0, "requests sent and never answered")
        #expect(tally.sent == tally.answered)
        #expect(tally.connectionsClosedWithoutNotice == 0, "connections closed without Connection: close")
        #expect(tally.connectionsClosedWithNotice == tally.connectionsOpened)
        #expect(tally.refusedClients == Self.clients, "connects after the listener closed are refused")
        #expect(tally.failures.isEmpty, "\(tally.failures.prefix(5))")
    }

    @Test func keepAliveClients_throughSIGTERM_withoutADrainDelay_loseNoRequest() throws {
        let (tally, status, _) = try hammerThroughSIGTERM(drainDelay: nil)
        #expect(status == 0)
        expectNothingLost(tally, "SIGTERM, no drain delay")
    }

    @Test func keepAliveClients_throughSIGTERM_withADrainDelay_loseNoRequest_andNewConnectionsAreServedDuringIt() throws
    {
        let (tally, status, stoppedAfter) = try hammerThroughSIGTERM(drainDelay: "1s") { server in
            usleep(300_000)
            // A new keep-alive connection during the delay is accepted and gets one answer, which closes it.
            let late = try server.client()
            try late.send("GET /readyz HTTP/1.1\r\nHost: t\r\n\r\n")
            let ready = try late.readResponse()
            #expect(ready.status == 503, "not ready while draining")
            #expect(ready.header("Connection") == "close")
            #expect(late.isClosedByPeer())
        }
        #expect(status == 0)
        #expect(stoppedAfter >= 1, "the listener stays open through the drain delay")
        #expect(tally.answeredOnConnectionsOpenedAfterSignal > 0, "connections opened during the delay are served")
        expectNothingLost(tally, "SIGTERM, 1 s drain delay")
    }
}
