import Foundation
import Store
import TestSupport
import Testing

@testable import API

/// The astral fixture (`Tests/Fixtures/astral`), served in process: its text has emoji, «𝕏» and U+10000 before and
/// inside cited spans, so every offset differs between Unicode scalars and UTF-16 code units.
enum AstralStore {
    static let store: Store = {
        do {
            return try Store.load(from: RepositoryPaths.astralFixture.path)
        } catch {
            fatalError("the astral fixture must load: \(error)")
        }
    }()

    static let client = APITestClient(options: APIOptions(), store: store)
}

/// `offsets=utf16` gives every offset in UTF-16 code units (what JavaScript strings index); the default stays Unicode
/// scalars. Checked by slicing the text each offset indexes, as a client would.
@Suite struct OffsetsTests {
    let client = AstralStore.client
    let paragraphs = AstralStore.store.source.paragraphs

    enum Unit { case scalar, utf16 }

    /// `text[start..<end]` counted in `unit`, or nil when out of range.
    static func slice(_ text: String, _ start: Int, _ end: Int, _ unit: Unit) -> String? {
        switch unit {
        case .scalar:
            let scalars = Array(text.unicodeScalars)
            guard 0 <= start, start <= end, end <= scalars.count else { return nil }
            return String(String.UnicodeScalarView(scalars[start..<end]))
        case .utf16:
            let units = Array(text.utf16)
            guard 0 <= start, start <= end, end <= units.count else { return nil }
            return String(decoding: units[start..<end], as: UTF16.self)
        }
    }

    /// Every text span in a JSON value (citations, uncited mentions: objects with paragraph, start, end and quote).
    static func spans(in value: Any) -> [(paragraph: Int, start: Int, end: Int, quote: String)] {
        if let object = value as? [String: Any] {
            var out = object.values.flatMap { spans(in: $0) }
            if let p = object["paragraph"] as? Int, let s = object["start"] as? Int, let e = object["end"] as? Int,
                let q = object["quote"] as? String
            {
                out.append((p, s, e, q))
            }
            return out
        }
        return (value as? [Any])?.flatMap { spans(in: $0) } ?? []
    }

    @Test func theFixture_hasOffsetsThatDifferBetweenTheUnits() {
        #expect(paragraphs.allSatisfy { $0.utf16.count > $0.unicodeScalars.count })
    }

    @Test(arguments: [("", Unit.scalar), ("?offsets=scalar", .scalar), ("?offsets=utf16", .utf16)])
    func paragraphMentions_sliceToTheirQuote(query: String, unit: Unit) throws {
        let response = client.get("/sources/fixture-doc/paragraphs\(query)")
        #expect(response.status == 200)
        var count = 0
        for paragraph in try response.items() {
            let text = try #require(paragraph["text"] as? String)
            for mention in try #require(paragraph["mentions"] as? [[String: Any]]) {
                let start = try #require(mention["start"] as? Int)
                let end = try #require(mention["end"] as? Int)
                #expect(Self.slice(text, start, end, unit) == mention["quote"] as? String, "\(mention)")
                count += 1
            }
        }
        #expect(count == 14)
        let meta = try #require(try response.object()["meta"] as? [String: Any])
        #expect(meta["offsets"] as? String == (query.isEmpty ? nil : "\(unit)"))
    }

    @Test(arguments: [
        ("/sources/fixture-doc/paragraphs/2", Unit.scalar), ("/sources/fixture-doc/paragraphs/2?offsets=utf16", .utf16),
    ])
    func oneParagraph_slicesToItsQuotes(target: String, unit: Unit) throws {
        let response = client.get(target)
        let item = try response.item()
        let text = try #require(item["text"] as? String)
        let mentions = try #require(item["mentions"] as? [[String: Any]])
        #expect(!mentions.isEmpty)
        for m in mentions {
            let (start, end) = (try #require(m["start"] as? Int), try #require(m["end"] as? Int))
            #expect(Self.slice(text, start, end, unit) == m["quote"] as? String)
        }
        let meta = try response.object()["meta"] as? [String: Any]
        #expect(meta?["offsets"] as? String == (unit == .utf16 ? "utf16" : nil))
    }

    /// Collections, single entities, sub-collections and included entities: every citation and uncited mention.
    @Test(arguments: [
        "/countries", "/organizations", "/visits", "/initiatives", "/people", "/places", "/events", "/declarations",
        "/facts", "/countries/kz", "/countries/kz/organizations", "/countries?include=organizations",
        "/declarations/almaty-declaration?include=events",
    ])
    func citations_sliceToTheirQuote_inEitherUnit(path: String) throws {
        let separator = path.contains("?") ? "&" : "?"
        for (query, unit) in [("", Unit.scalar), ("\(separator)offsets=utf16", .utf16)] {
            let response = client.get(path + query)
            #expect(response.status == 200, "\(path + query)")
            let spans = Self.spans(in: try response.object()["data"] as Any)
            #expect(!spans.isEmpty, "\(path + query)")
            for span in spans {
                let text = paragraphs[span.paragraph - 1]
                #expect(Self.slice(text, span.start, span.end, unit) == span.quote, "\(path + query) \(span)")
            }
        }
    }

    @Test func includedEntities_areInUTF16Too() throws {
        let response = client.get("/countries/kz?include=organizations&offsets=utf16")
        // The compound document's one top-level `included` holds each related organization once.
        let included = try #require(try response.object()["included"] as? [[String: Any]])
        let spans = Self.spans(in: included.filter { $0["type"] as? String == "organizations" })
        #expect(!spans.isEmpty)
        for span in spans {
            #expect(Self.slice(paragraphs[span.paragraph - 1], span.start, span.end, .utf16) == span.quote)
        }
    }

    /// A search hit's matches index its snippet, and a paragraph's snippet starts `snippet_start` into the paragraph:
    /// both in the unit asked for, so the same words come out in either.
    @Test(arguments: ["ألماطى", "المتحدة", "كازاخستان", "منظمة الأمم المتحدة", "2002"])
    func searchMatches_sliceToTheSameWords_inEitherUnit(q: String) throws {
        let scalar = try client.get("/search?q=\(encoded(q))&limit=200").items()
        let utf16 = try client.get("/search?q=\(encoded(q))&limit=200&offsets=utf16").items()
        #expect(scalar.count == utf16.count)
        #expect(!scalar.isEmpty)
        var differing = 0
        for (s, u) in zip(scalar, utf16) {
            let snippet = try #require(s["snippet"] as? String)
            #expect(u["snippet"] as? String == snippet)
            let scalarSpans = try #require(s["matches"] as? [[String: Int]])
            let utf16Spans = try #require(u["matches"] as? [[String: Int]])
            #expect(scalarSpans.count == utf16Spans.count)
            for (a, b) in zip(scalarSpans, utf16Spans) {
                let words = Self.slice(snippet, a["start"] ?? -1, a["end"] ?? -1, .scalar)
                #expect(words != nil)
                #expect(Self.slice(snippet, b["start"] ?? -1, b["end"] ?? -1, .utf16) == words, "\(q) \(u)")
                if a != b { differing += 1 }
            }
            let firstS = try #require(s["match"] as? [String: Int])
            let firstU = try #require(u["match"] as? [String: Int])
            #expect(
                Self.slice(snippet, firstU["start"] ?? -1, firstU["end"] ?? -1, .utf16)
                    == Self.slice(snippet, firstS["start"] ?? -1, firstS["end"] ?? -1, .scalar))
            if let n = u["paragraph"] as? Int {
                let start = try #require(u["snippet_start"] as? Int)
                let text = paragraphs[n - 1]
                #expect(Self.slice(text, start, start + snippet.utf16.count, .utf16) == snippet, "\(q) ¶\(n)")
                let scalarStart = try #require(s["snippet_start"] as? Int)
                #expect(
                    Self.slice(text, scalarStart, scalarStart + snippet.unicodeScalars.count, .scalar) == snippet)
            }
        }
        #expect(differing > 0, "\(q): no match moved, so the test would not see a missing conversion")
    }
}
