import Foundation
import Testing

@testable import API

/// `id=a,b,c` on every collection: those rows, in the order given, shaped and paged like any other page.
@Suite struct BatchIDTests {
    let client = BundledStore.client

    @Test func id_fetchesThoseRows_inTheOrderGiven() throws {
        #expect(try client.get("/countries?id=sa,kz,qa").ids() == ["sa", "kz", "qa"])
        #expect(try client.get("/countries?id=qa,sa,kz").ids() == ["qa", "sa", "kz"])
        #expect(try client.get("/countries?id=qa,qa").ids() == ["qa"], "each once")
        #expect(client.get("/countries?id=sa,kz,qa").header("X-Total-Count") == "3")
    }

    @Test func id_acceptsAnotherLetterCase_andAlpha3_asAPathDoes() throws {
        #expect(try client.get("/countries?id=KZ,Qa").ids() == ["kz", "qa"])
        #expect(try client.get("/countries?id=kaz,QAT").ids() == ["kz", "qa"])
    }

    @Test func anUnknownID_isA400NamingEach_withASuggestion() throws {
        let response = client.get("/countries?id=kz,kzz,atlantis")
        #expect(response.status == 400)
        let errors = try #require(try response.object()["errors"] as? [[String: String]])
        #expect(errors.map { $0["parameter"] } == ["id", "id"])
        #expect(errors.first?["detail"]?.contains("did you mean 'kz'") == true)
        #expect(errors.last?["detail"]?.contains("'atlantis'") == true)
        // An id of another collection is unknown here.
        #expect(client.get("/countries?id=oic").status == 400)
        #expect(client.get("/countries?id=").status == 400)
    }

    @Test func id_worksWithSortFieldsIncludeAndPagination() throws {
        #expect(try client.get("/countries?id=sa,kz,qa&sort=id").ids() == ["kz", "qa", "sa"])
        let page = client.get("/countries?id=sa,kz,qa&limit=2&offset=1")
        #expect(try page.ids() == ["kz", "qa"])
        #expect(try page.links()["self"] == "/countries?id=sa,kz,qa&limit=2&offset=1")
        let shaped = client.get("/countries?id=kz&fields=name&include=organizations")
        let item = try #require(try shaped.items().first)
        #expect(Set(item.keys) == ["id", "type", "href", "name", "relationships"])
        #expect(try (shaped.object()["included"] as? [Any])?.isEmpty == false)
    }

    @Test func id_onSubCollectionsSourcesAndParagraphs() throws {
        let related = "/countries/kz/organizations"
        #expect(try client.get("\(related)?id=sco,oic").ids() == ["sco", "oic"])
        // An id of the kind that is not related to this parent (`cica`, not among Kazakhstan's organizations in
        // the data) is simply not in the page.
        #expect(try !client.get(related).ids().contains("cica"))
        #expect(try client.get("\(related)?id=cica").ids().isEmpty)
        #expect(try client.get("/sources?id=kazakhstan-foreign-relations").ids() == ["kazakhstan-foreign-relations"])
        let paragraphs = "/sources/kazakhstan-foreign-relations/paragraphs"
        #expect(try client.get("\(paragraphs)?id=7,1,3").ids() == ["7", "1", "3"])
        #expect(client.get("\(paragraphs)?id=0").status == 400)
    }

    /// Search hits are ranked results, not a collection of stored rows: a batch fetch means nothing there.
    @Test func search_andSingleResources_takeNoID() {
        #expect(client.get("/search?q=Qatar&id=qa").status == 400)
        #expect(client.get("/countries/kz?id=kz").status == 400)
    }
}
