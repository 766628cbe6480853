import TestSupport
import Testing

@testable import Server

struct ServerMetricsTests {
    @Test func everyResponse_isCountedByRouteAndStatus_withLatencyAndBytes() throws {
        struct Routed: RequestHandler {
            func handle(_ request: Request) -> Response {
                request.path == "/missing"
                    ? Response(status: .notFound, body: [1, 2], route: "")
                    : Response(status: .ok, body: [1, 2, 3], route: "/items/{id}")
            }
        }
        let server = try TestServer({ _ in }, handler: Routed())
        let client = try server.client()
        for path in ["/items/1", "/items/2", "/missing"] {
            try client.send("GET \(path) HTTP/1.1\r\nHost: t\r\n\r\n")
            _ = try client.readResponse()
        }
        let garbage = try server.client()
        try garbage.send("BAD REQUEST\r\n\r\n")
        _ = try garbage.readResponse()
        #expect(garbage.isClosedByPeer())  // the 400 closes its connection; only the keep-alive one stays open
        let snapshot = server.server.metrics.snapshot()
        #expect(snapshot.requests.first { $0.route == "/items/{id}" && $0.status == 200 }?.count == 2)
        #expect(snapshot.requests.first { $0.route == "/items/{id}" }?.method == .get)
        #expect(snapshot.requests.first { $0.status == 400 }?.method == .other)  // no method could be read
        #expect(snapshot.requests.first { $0.route == "" && $0.status == 404 }?.count == 1)
        #expect(snapshot.requests.first { $0.status == 400 }?.count == 1)
        #expect(snapshot.latencyCount == 4)
        #expect(snapshot.latencyCumulative.last == 4)
        #expect(snapshot.latencyCumulative == snapshot.latencyCumulative.sorted())
        #expect(snapshot.bytesSent >= 3 + 3 + 2)
        #expect(snapshot.openConnections == 1)
        #expect(snapshot.acceptedConnections == 2)
    }
}

/// The `method` label's values: a fixed set whatever a client sends.
struct MethodLabelTests {
    @Test(arguments: [
        ("GET", MethodLabel.get), ("HEAD", .head), ("OPTIONS", .options), ("POST", .other), ("get", .other),
        ("BREW", .other), ("-", .other), ("", .other),
    ])
    func methods_mapToAFixedSetOfLabels(method: String, label: MethodLabel) {
        #expect(MethodLabel(method) == label)
    }

    @Test func labelValues_areTheMethodNames_orOther() {
        #expect(MethodLabel.allCases.map(\.name) == ["GET", "HEAD", "OPTIONS", "other"])
    }
}
