import Foundation
import Testing

@testable import kazakhstan_api

struct HealthProbeTests {
    @Test(arguments: [
        ("http://127.0.0.1:8080/healthz", HealthProbe.Target.tcp(host: "127.0.0.1", port: 8080, path: "/healthz")),
        ("http://localhost:9/readyz", .tcp(host: "localhost", port: 9, path: "/readyz")),
        ("http://[::1]:8080/healthz", .tcp(host: "::1", port: 8080, path: "/healthz")),
        ("http://127.0.0.1", .tcp(host: "127.0.0.1", port: 80, path: "/")),
        ("unix:/run/api.sock", .unix(path: "/run/api.sock", requestPath: "/healthz")),
    ])
    func validURLs_parse(url: String, expected: HealthProbe.Target) {
        #expect(HealthProbe.parse(url) == expected)
    }

    @Test(arguments: [
        "https://127.0.0.1/healthz", "http://example.com/healthz", "http://127.0.0.1:0/", "http://127.0.0.1:99999/",
        "unix:", "ftp://x", "http://[::1/",
    ])
    func invalidURLs_areRejected(url: String) {
        #expect(HealthProbe.parse(url) == nil)
    }

    @Test func probe_readsTheStatusOfARealServer() throws {
        let server = try ServerProcess.started()
        defer {
            server.signal(SIGTERM)
            _ = server.finish()
        }
        #expect(try HealthProbe.status(of: .tcp(host: "127.0.0.1", port: server.port, path: "/healthz")).get() == 200)
        #expect(try HealthProbe.status(of: .tcp(host: "127.0.0.1", port: server.port, path: "/nothing")).get() == 404)
    }
}
