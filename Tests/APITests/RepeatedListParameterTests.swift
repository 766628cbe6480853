import Foundation
import Testing

@testable import API

/// What generated clients send for an array (`include=a&include=b`, OpenAPI's `style: form, explode: true`) means
/// the comma list (`include=a,b`): the same body, so the same ETag, and the same links.
@Suite struct RepeatedListParameterTests {
    let client = BundledStore.client

    /// (repeated form, comma form) on routes of every family: shared list parameters, named filters, `id` and
    /// `fields[type]`.
    static let pairs: [(String, String)] = [
        ("/countries?include=visits&include=people", "/countries?include=visits,people"),
        ("/countries?fields=name&fields=alpha3", "/countries?fields=name,alpha3"),
        ("/facts?sort=category&sort=-id", "/facts?sort=category,-id"),
        ("/countries?cited_in=1&cited_in=2", "/countries?cited_in=1,2"),
        ("/countries?id=kz&id=qa&id=sa", "/countries?id=kz,qa,sa"),
        ("/visits?visitor_country=sa&visitor_country=qa", "/visits?visitor_country=sa,qa"),
        ("/search?q=Qatar&type=countries&type=visits", "/search?q=Qatar&type=countries,visits"),
        (
            "/sources/kazakhstan-foreign-relations/paragraphs?mentions=kz&mentions=qa",
            "/sources/kazakhstan-foreign-relations/paragraphs?mentions=kz,qa"
        ),
        (
            "/countries/kz?include=organizations&fields%5Borganizations%5D=name&fields%5Borganizations%5D=acronym",
            "/countries/kz?include=organizations&fields%5Borganizations%5D=name,acronym"
        ),
    ]

    @Test(arguments: pairs.indices)
    func aRepeatedListParameter_isItsCommaList_sameBodyAndETag(index: Int) throws {
        let (repeated, comma) = Self.pairs[index]
        let a = client.get(repeated)
        let b = client.get(comma)
        #expect(a.status == 200, "\(repeated): \(a.text.prefix(300))")
        #expect(b.status == 200, "\(comma)")
        #expect(a.body == b.body, "\(repeated)")
        #expect(a.header("ETag") == b.header("ETag"))
        #expect(a.header("Link") == b.header("Link"))
    }

    /// Both spellings share one cache entry: the normalized query is the comma form.
    @Test func bothSpellings_normalizeToOneKey() {
        #expect(QueryString.normalized("include=visits&include=people") == "include=visits,people")
        #expect(QueryString.normalized("include=visits&limit=2&include=people") == "include=visits,people&limit=2")
        #expect(
            QueryString.normalized("fields%5Bcountries%5D=id&fields%5Bcountries%5D=name")
                == QueryString.normalized("fields%5Bcountries%5D=id,name"))
    }

    @Test func aRepeatedList_isValidatedItemByItem() throws {
        let response = client.get("/countries?include=visits&include=vists")
        #expect(response.status == 400)
        let errors = try #require(try response.object()["errors"] as? [[String: String]])
        #expect(errors.map { $0["parameter"] } == ["include"])
        #expect(errors.first?["detail"]?.contains("did you mean 'visits'") == true)
    }
}
