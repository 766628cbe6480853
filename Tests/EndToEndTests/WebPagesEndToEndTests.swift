import Foundation
import TestSupport
import Testing

/// The binary finds its web pages next to itself (the repository's `Resources/web` from `.build/…`) whatever `--data`
/// names: they belong to the program, not to the data.
@Suite struct WebPagesEndToEndTests {
    @Test func pagesAreServed_withAnotherDataDirectory() throws {
        let fixture = RepositoryPaths.tests("StoreTests").appendingPathComponent("Fixtures/valid").path
        let server = try ServerProcess.started(["--data", fixture, "--access-log", "off"])
        defer {
            server.process.terminate()
            _ = server.finish(timeout: 5)
        }
        let client = try server.client()
        for (path, type) in [
            ("/docs", "text/html; charset=utf-8"), ("/reader", "text/html; charset=utf-8"),
            ("/docs/assets/5.31.0/swagger-ui-bundle.js", "text/javascript; charset=utf-8"),
        ] {
            try client.send("GET \(path) HTTP/1.1\r\nHost: t\r\nAccept-Encoding: gzip\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 200, "\(path)")
            #expect(response.header("Content-Type") == type, "\(path)")
        }
        try client.send("HEAD /docs/assets/5.31.0/swagger-ui-bundle.js HTTP/1.1\r\nHost: t\r\n\r\n")
        let head = try client.readResponse(head: true)
        #expect(head.status == 200 && head.body.isEmpty)
        #expect(Int(head.header("Content-Length") ?? "") ?? 0 > 1_000_000)
    }
}
