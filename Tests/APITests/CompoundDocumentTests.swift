import Foundation
import Testing

@testable import API

/// `include=` makes a compound document: items link their related entities by reference under `relationships`,
/// and one top-level `included` holds each of them once, narrowed by `fields[type]`.
@Suite struct CompoundDocumentTests {
    let client = BundledStore.client

    static let allRelations = "events,facts,initiatives,organizations,people,places,visits"

    /// Every reference under `relationships` resolves to exactly one entity of the document, in `data` or (once)
    /// in `included`, and nothing else is included.
    @Test(arguments: [
        "/countries/kz?include=\(allRelations)", "/countries?include=organizations,visits",
        "/visits?include=countries,people", "/countries/kz/visits?include=people", "/events?include=events",
        "/events?include=events,countries&limit=2",
    ])
    func everyLinkage_resolvesToOneIncludedEntity(target: String) throws {
        let response = client.get(target)
        #expect(response.status == 200)
        let body = try response.object()
        let included = try #require(body["included"] as? [[String: Any]])
        let keys = included.map { "\($0["type"] as? String ?? "")/\($0["id"] as? String ?? "")" }
        #expect(Set(keys).count == keys.count, "each related entity once")
        let items = try (body["data"] as? [[String: Any]]) ?? [response.item()]
        let onThePage = Set(items.map { "\($0["type"] as? String ?? "")/\($0["id"] as? String ?? "")" })
        #expect(onThePage.isDisjoint(with: keys), "an entity in data is not included again")
        var linked: Set<String> = []
        for item in items {
            let relationships = try #require(item["relationships"] as? [String: [[String: String]]])
            for reference in relationships.values.joined() {
                linked.insert("\(reference["type"] ?? "")/\(reference["id"] ?? "")")
                #expect(reference["href"] == "/\(reference["type"] ?? "")/\(reference["id"] ?? "")")
            }
        }
        #expect(linked.subtracting(onThePage) == Set(keys))
    }

    /// Two events are related to each other: listed together, each links the other and neither is included (one
    /// copy per entity); on a page without the other, the other is included.
    @Test func aRelatedEntityOnThePage_isLinkedNotIncluded() throws {
        let whole = try client.get("/events?include=events").object()
        let rows = try #require(whole["data"] as? [[String: Any]])
        let independence = try #require(rows.first { $0["id"] as? String == "kazakhstan-independence" })
        let links = (independence["relationships"] as? [String: [[String: String]]])?["events"] ?? []
        #expect(links.map { $0["id"] } == ["ussr-dissolution"])
        #expect(rows.contains { $0["id"] as? String == "ussr-dissolution" })
        #expect((whole["included"] as? [Any])?.isEmpty == true, "both are in data already")

        let page = try client.get("/events?include=events&id=kazakhstan-independence").object()
        let included = try #require(page["included"] as? [[String: Any]])
        #expect(included.map { $0["id"] as? String } == ["ussr-dissolution"])
    }

    @Test func aCollection_includesASharedEntityOnce() throws {
        let body = try client.get("/organizations?include=members").object()
        let rows = try #require(body["data"] as? [[String: Any]])
        let linkedTimes = rows.flatMap { row in
            ((row["relationships"] as? [String: [[String: String]]])?["members"] ?? []).compactMap { $0["id"] }
        }
        #expect(linkedTimes.count > Set(linkedTimes).count, "the data shares members between organizations")
        let included = try #require(body["included"] as? [[String: Any]])
        #expect(included.count == Set(linkedTimes).count)
    }

    @Test func fieldsOfAType_narrowItsIncludedEntities_only() throws {
        for spelling in ["fields%5Borganizations%5D", "fields[organizations]"] {
            let response = client.get("/countries/kz?include=organizations,people&\(spelling)=name,acronym")
            #expect(response.status == 200, "\(spelling)")
            let included = try #require(try response.object()["included"] as? [[String: Any]])
            for entity in included where entity["type"] as? String == "organizations" {
                #expect(Set(entity.keys).isSubset(of: ["id", "type", "href", "name", "acronym"]))
            }
            let person = try #require(included.first { $0["type"] as? String == "people" })
            #expect(person["citations"] != nil, "other types stay whole")
            #expect(try response.item()["citations"] != nil, "the data stays whole: fields= narrows it")
        }
    }

    @Test func anUnknownTypeOrField_isA400NamingIt() throws {
        let type = client.get("/countries/kz?include=organizations&fields%5Borganisations%5D=name")
        #expect(type.status == 400)
        let typeErrors = try #require(try type.object()["errors"] as? [[String: String]])
        #expect(typeErrors.map { $0["parameter"] } == ["fields[organisations]"])
        #expect(typeErrors.first?["detail"]?.contains("did you mean 'organizations'") == true)

        let field = client.get("/countries/kz?include=organizations&fields%5Borganizations%5D=nmae")
        #expect(field.status == 400)
        let fieldErrors = try #require(try field.object()["errors"] as? [[String: String]])
        #expect(fieldErrors.map { $0["parameter"] } == ["fields[organizations]"])
        #expect(fieldErrors.first?["detail"]?.contains("'nmae'") == true)
        // Sources include nothing, so they take no fields[type].
        #expect(client.get("/sources?fields%5Bcountries%5D=name").status == 400)
    }

    @Test func withoutInclude_thereIsNoIncludedOrRelationships() throws {
        let body = try client.get("/countries/kz").object()
        #expect(body["included"] == nil)
        #expect((body["data"] as? [String: Any])?["relationships"] == nil)
    }
}
