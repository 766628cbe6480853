import Foundation
import Testing

@testable import API

/// A paragraph's mentions carry the entity's name in both languages and say whether the span names the entity or is
/// a claim cited as evidence for it, so a highlighted paragraph needs no request per mention.
@Suite struct ParagraphMentionTests {
    struct Known: Sendable, CustomTestStringConvertible {
        let paragraph: Int
        let type: String
        let id: String
        let quote: String
        let role: String
        var testDescription: String { "¶\(paragraph) \(type)/\(id) «\(quote)» \(role)" }
    }

    static let bundled = [
        Known(paragraph: 1, type: "places", id: "central-asia", quote: "آسيا الوسطى", role: "name"),
        Known(paragraph: 1, type: "countries", id: "kz", quote: "للدولة الفتية", role: "name"),
        Known(paragraph: 7, type: "organizations", id: "un", quote: "منظمة الأمم المتحدة", role: "name"),
        Known(
            paragraph: 2, type: "countries", id: "kz", quote: "إن كازاخستان عضو نشط في المجتمع الدولي", role: "claim"),
        Known(
            paragraph: 2, type: "facts", id: "active-international-member",
            quote: "إن كازاخستان عضو نشط في المجتمع الدولي، وتعمل بشكل فعال في الهيئات والمنظمات الأوروبية والآسيوية",
            role: "claim"),
    ]

    static func mention(_ known: Known, in response: TestResponse) throws -> [String: Any] {
        let mentions = try #require(try response.item()["mentions"] as? [[String: Any]])
        return try #require(
            mentions.first {
                $0["type"] as? String == known.type && $0["id"] as? String == known.id
                    && $0["quote"] as? String == known.quote
            }, "\(known.testDescription) is not among the mentions")
    }

    @Test(arguments: bundled)
    func aKnownMention_hasItsRoleAndTheEntitysName(_ known: Known) throws {
        let response = BundledStore.client.get("/sources/kazakhstan-foreign-relations/paragraphs/\(known.paragraph)")
        let mention = try Self.mention(known, in: response)
        #expect(mention["role"] as? String == known.role)
        let name = try #require(try Dataset.row(known.type, known.id)["name"] as? [String: String])
        #expect(mention["name"] as? [String: String] == name)
    }

    @Test func theAstralFixturesKazakhstan_isAName() throws {
        let known = Known(paragraph: 1, type: "countries", id: "kz", quote: "كازاخستان", role: "name")
        let mention = try Self.mention(known, in: AstralStore.client.get("/sources/fixture-doc/paragraphs/1"))
        #expect(mention["role"] as? String == "name")
        #expect(mention["name"] as? [String: String] == ["ar": "كازاخستان", "en": "Kazakhstan"])
    }

    @Test func everyMention_hasANameAndARole_inTheStoresOrder() throws {
        let response = BundledStore.client.get("/sources/kazakhstan-foreign-relations/paragraphs?limit=200")
        for paragraph in try response.items() {
            let mentions = try #require(paragraph["mentions"] as? [[String: Any]])
            for m in mentions {
                #expect(["name", "claim"].contains(m["role"] as? String))
                #expect((m["name"] as? [String: String])?.keys.sorted() == ["ar", "en"])
            }
            // By start, then end: of two spans from one offset the shorter, inner one first.
            let ranges = mentions.map { ($0["start"] as? Int ?? 0, $0["end"] as? Int ?? 0) }
            #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0 <= $1 })
        }
    }
}
