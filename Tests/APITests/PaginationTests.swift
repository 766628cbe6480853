import Foundation
import Server
import Testing

@testable import API

/// Paging: `limit`, `offset`, the envelope, `X-Total-Count` and the `Link` field, walked page by page.
@Suite struct PaginationTests {
    let client = BundledStore.client

    static let collections = Dataset.kinds + ["sources", "sources/kazakhstan-foreign-relations/paragraphs"]

    private func expectedIDs(_ collection: String) throws -> [String] {
        switch collection {
        case "sources": [try #require(Dataset.source()["id"] as? String)]
        case "sources/kazakhstan-foreign-relations/paragraphs": try (1...Dataset.paragraphs().count).map(String.init)
        default: try Dataset.ids(collection)
        }
    }

    @Test(arguments: collections)
    func walkingEveryPageWithLimit2_followingNext_visitsTheWholeCollectionOnce(collection: String) throws {
        let expected = try expectedIDs(collection)
        var seen: [String] = []
        var target: String? = "/\(collection)?limit=2"
        var pages = 0
        var previousSelf: String?
        while let current = target {
            let response = client.get(current)
            #expect(response.status == 200, "\(current)")
            let ids = try response.ids()
            let meta = try response.meta()
            let offset = pages * 2
            #expect(meta == ["total": expected.count, "count": ids.count, "limit": 2, "offset": offset], "\(current)")
            #expect(ids.count == min(2, expected.count - offset))
            #expect(response.header("X-Total-Count") == "\(expected.count)")

            let links = try response.links()
            let lastOffset = ((expected.count - 1) / 2) * 2
            #expect(links["self"] == "/\(collection)?limit=2&offset=\(offset)")
            #expect(links["first"] == "/\(collection)?limit=2&offset=0")
            #expect(links["last"] == "/\(collection)?limit=2&offset=\(lastOffset)")
            #expect(links["prev"] == (offset == 0 ? nil : previousSelf), "prev is the page before")
            let rels = response.linkRelations()
            #expect(rels["first"] == links["first"] ?? nil)
            #expect(rels["last"] == links["last"] ?? nil)
            #expect(rels["next"] == links["next"] ?? nil)
            #expect(rels["prev"] == links["prev"] ?? nil)
            #expect(
                Set(rels.keys)
                    == Set(
                        ["first", "last"] + (offset > 0 ? ["prev"] : []) + (offset + 2 < expected.count ? ["next"] : [])
                    ))

            seen += ids
            previousSelf = links["self"] ?? nil
            target = links["next"] ?? nil
            pages += 1
            if pages > 100 {
                Issue.record("next links never end")
                break
            }
        }
        #expect(seen == expected)
        #expect(pages == (expected.count + 1) / 2)
    }

    @Test func defaultLimitIs50_andAtMost200() throws {
        let facts = try Dataset.ids("facts").count
        #expect(try client.get("/facts").meta()["limit"] == 50)
        #expect(
            try client.get("/facts?limit=200").meta() == ["total": facts, "count": facts, "limit": 200, "offset": 0])
        for bad in ["0", "201", "-1", "ten", "", "1e2"] {
            let response = client.get("/facts?limit=\(bad)")
            #expect(response.status == 400, "limit=\(bad)")
            let errors = try #require(try response.object()["errors"] as? [[String: String]])
            #expect(errors.map { $0["parameter"] } == ["limit"])
        }
        #expect(client.get("/facts?offset=-1").status == 400)
        #expect(client.get("/facts?offset=x").status == 400)
    }

    @Test func anOffsetPastTheEnd_isAnEmptyPage_whoseLinksStillLeadBack() throws {
        let total = try Dataset.ids("countries").count
        let response = client.get("/countries?limit=2&offset=100")
        #expect(response.status == 200)
        #expect(try response.ids().isEmpty)
        #expect(try response.meta() == ["total": total, "count": 0, "limit": 2, "offset": 100])
        let links = try response.links()
        #expect(links["next"] == .some(nil))
        #expect(links["prev"] == "/countries?limit=2&offset=\((total - 1) / 2 * 2)")
    }

    @Test func pageLinks_keepEveryOtherParameter() throws {
        let response = client.get("/facts?category=economy&sort=-id&limit=1&fields=id")
        #expect(response.status == 200)
        let next = try #require(try response.links()["next"] ?? nil)
        #expect(next.hasPrefix("/facts?"))
        let pairs = Set(next.dropFirst("/facts?".count).split(separator: "&").map(String.init))
        #expect(pairs == ["category=economy", "sort=-id", "fields=id", "limit=1", "offset=1"])
        // Following it gives the second row of the same filtered, sorted list.
        let economy = try Dataset.rows("facts").filter { $0["category"] as? String == "economy" }.compactMap {
            $0["id"] as? String
        }.sorted(by: >)
        #expect(try client.get(next).ids() == [economy[1]])
    }

    @Test func anEmptyResult_hasTotal0_andNoNextOrPrev() throws {
        // Filters AND together: a visit to Kazakhstan by Kazakhstan does not exist in the data.
        let response = client.get("/visits?visitor_country=kz&host=kz")
        #expect(response.status == 200)
        #expect(try response.meta() == ["total": 0, "count": 0, "limit": 50, "offset": 0])
        #expect(response.header("X-Total-Count") == "0")
        let links = try response.links()
        #expect(links["next"] == .some(nil))
        #expect(links["prev"] == .some(nil))
        #expect(Set(response.linkRelations().keys) == ["first", "last"])
    }
}
