import Foundation
import TestSupport
import Testing

/// The real binary serving `--data Tests/Fixtures/astral` (emoji and other characters outside the Basic
/// Multilingual Plane before cited spans): it loads, and with `offsets=utf16` every mention slices to its quote in
/// UTF-16 units, as a browser's JavaScript would slice it.
@Suite struct AstralDataEndToEndTests {
    @Test func theAstralFixture_loads_andItsUTF16MentionsSliceToTheirQuotes() throws {
        let server = try ServerProcess.started(["--data", RepositoryPaths.astralFixture.path, "--access-log", "off"])
        let client = try server.client()
        try client.send(
            "GET /sources/fixture-doc/paragraphs?offsets=utf16 HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
        let response = try client.readResponse()
        #expect(response.status == 200)
        let body = try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
        #expect((body["meta"] as? [String: Any])?["offsets"] as? String == "utf16")
        var checked = 0
        var moved = 0
        for paragraph in try #require(body["data"] as? [[String: Any]]) {
            let text = try #require(paragraph["text"] as? String)
            let units = Array(text.utf16)
            for mention in try #require(paragraph["mentions"] as? [[String: Any]]) {
                let start = try #require(mention["start"] as? Int)
                let end = try #require(mention["end"] as? Int)
                try #require(0 <= start && start <= end && end <= units.count)
                #expect(String(decoding: units[start..<end], as: UTF16.self) == mention["quote"] as? String)
                let quote = try #require(mention["quote"] as? String)
                let scalarStart =
                    text.unicodeScalars.count
                    - (String(decoding: units[start...], as: UTF16.self))
                    .unicodeScalars.count
                if scalarStart != start { moved += 1 }
                checked += 1
                #expect(!quote.isEmpty)
            }
        }
        #expect(checked == 14)
        #expect(moved == checked, "every mention follows an astral character, so every offset differs by unit")
        server.signal(SIGTERM)
        #expect(server.finish().status == 0)
    }
}
