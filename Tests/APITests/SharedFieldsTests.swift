import Server
import Testing

@testable import API

/// Fields every response carries appear exactly once: a repeated Access-Control-Allow-Origin makes browsers reject
/// the response ("multiple values"), whatever the values.
@Suite struct SharedFieldsTests {
    static let list: APITestClient = {
        var options = BundledStore.options
        options.corsOrigins = "https://app.example"
        return APITestClient(options: options)
    }()

    func counts(_ response: TestResponse) -> (acao: Int, nosniff: Int, expose: Int) {
        (
            response.headerValues("Access-Control-Allow-Origin").count,
            response.headerValues("X-Content-Type-Options").count,
            response.headerValues("Access-Control-Expose-Headers").count
        )
    }

    @Test(arguments: [
        ("GET", "/countries/kz", [("Origin", "https://app.example")]),
        ("GET", "/countries?sort=-id", [("Origin", "https://app.example")]),
        ("GET", "/nowhere", [("Origin", "https://app.example")]),
        ("GET", "/countries/kz", [("Origin", "https://app.example"), ("If-None-Match", "*")]),
        ("OPTIONS", "/countries", [("Origin", "https://app.example")]),
        ("OPTIONS", "/countries", [("Origin", "https://app.example"), ("Access-Control-Request-Method", "GET")]),
        ("DELETE", "/countries", [("Origin", "https://app.example")]),
    ])
    func corsAndNosniff_appearOnce_withBothPolicies(method: String, target: String, headers: [(String, String)]) {
        for client in [BundledStore.client, SharedFieldsTests.list] {
            let c = counts(client.request(method, target, headers: headers))
            #expect(c.acao == 1, "\(method) \(target)")
            #expect(c.nosniff == 1, "\(method) \(target)")
            #expect(c.expose <= 1, "\(method) \(target)")
        }
    }

    @Test func engineErrors_carryTheSharedFieldsOnce() {
        let response = BundledStore.client.handler.engineError(status: .badRequest, detail: "x")
        #expect(response.headers.values(for: "Access-Control-Allow-Origin") == ["*"])
        #expect(response.headers.values(for: "X-Content-Type-Options") == ["nosniff"])
    }
}
