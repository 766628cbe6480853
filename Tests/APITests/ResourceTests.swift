import Foundation
import Server
import Store
import Testing

@testable import API

/// The resource families: what each path answers, with ids and strings from the data files.
@Suite struct ResourceTests {
    let client = BundledStore.client

    // MARK: - Index

    @Test func index_namesTheAPI_itsVersions_andLinksEveryCollectionSourcesSearchAndOpenAPI() throws {
        let response = client.get("/")
        #expect(response.status == 200)
        let body = try response.object()
        #expect(body["name"] as? String == "kazakhstan-api")
        #expect(body["version"] as? String == APIOptions.currentVersion)
        #expect(body["dataset_version"] as? String == BundledStore.store.datasetVersion)
        #expect((body["dataset_version"] as? String)?.isEmpty == false)
        let links = try #require(body["links"] as? [String: String])
        for kind in Dataset.kinds { #expect(links[kind] == "/\(kind)", "link to \(kind)") }
        #expect(links["sources"] == "/sources")
        #expect(links["search"] == "/search")
        #expect(links["openapi"] == "/openapi.json")
        // Every link the index gives answers 200 (search needs q, so it answers 400 naming q instead of 404).
        for (rel, target) in links where rel != "search" {
            #expect(client.get(target).status == 200, "\(rel): \(target)")
        }
    }

    // MARK: - Entities

    @Test func kazakhstan_hasItsArabicAndEnglishNames_asRawUTF8() throws {
        let data = try Dataset.row("countries", "kz")
        let response = client.get("/countries/kz")
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "application/json; charset=utf-8")
        let item = try response.item()
        #expect(item["id"] as? String == "kz")
        #expect(item["type"] as? String == "countries")
        #expect(item["href"] as? String == "/countries/kz")
        #expect((item["name"] as? [String: String])?["ar"] == Dataset.string(data, "name.ar"))
        #expect((item["name"] as? [String: String])?["ar"] == "كازاخستان")
        #expect((item["name"] as? [String: String])?["en"] == Dataset.string(data, "name.en"))
        #expect(item["alpha3"] as? String == data["alpha3"] as? String)
        // Arabic is written as UTF-8 bytes, never as \u escapes.
        #expect(response.text.contains("كازاخستان"))
        #expect(!response.text.contains("\\u"))
        let links = try response.links()
        #expect(links["self"] == "/countries/kz")
        #expect(links["collection"] == "/countries")
    }

    @Test(arguments: Dataset.kinds)
    func everyEntity_answersAtItsOwnURL_withItsNamesFromTheData(kind: String) throws {
        for row in try Dataset.rows(kind) {
            let id = try #require(row["id"] as? String)
            let response = client.get("/\(kind)/\(id)")
            #expect(response.status == 200, "/\(kind)/\(id)")
            let item = try response.item()
            #expect(item["id"] as? String == id)
            #expect(item["type"] as? String == kind)
            #expect(item["href"] as? String == "/\(kind)/\(id)")
            #expect((item["name"] as? [String: String])?["ar"] == Dataset.string(row, "name.ar"))
            #expect((item["name"] as? [String: String])?["en"] == Dataset.string(row, "name.en"))
            #expect((item["description"] as? [String: String])?["ar"] == Dataset.string(row, "description.ar"))
        }
    }

    @Test(arguments: Dataset.kinds)
    func everyCollection_listsEveryEntity_inTheCuratedOrder(kind: String) throws {
        let response = client.get("/\(kind)")
        #expect(response.status == 200)
        let expected = try Dataset.ids(kind)
        #expect(try response.ids() == expected)
        #expect(try response.meta() == ["total": expected.count, "count": expected.count, "limit": 50, "offset": 0])
        #expect(response.header("X-Total-Count") == "\(expected.count)")
    }

    @Test(arguments: Dataset.kinds)
    func everyEntity_linksToTheParagraphsCitingIt(kind: String) throws {
        let paragraphs = try Dataset.paragraphs().count
        for row in try Dataset.rows(kind) {
            let id = try #require(row["id"] as? String)
            let item = try client.get("/\(kind)/\(id)").item()
            let citedIn = try #require(item["cited_in"] as? [[String: Any]], "\(kind)/\(id) has cited_in")
            let numbers = citedIn.compactMap { $0["paragraph"] as? Int }
            #expect(Set(numbers) == Dataset.citedParagraphs(row), "\(kind)/\(id)")
            #expect(numbers == numbers.sorted(), "ascending")
            for entry in citedIn {
                let n = try #require(entry["paragraph"] as? Int)
                #expect((1...paragraphs).contains(n))
                #expect(entry["href"] as? String == "/sources/kazakhstan-foreign-relations/paragraphs/\(n)")
            }
        }
    }

    @Test func aRelatedEntity_appearsAsIdTypeAndHref() throws {
        let visit = try Dataset.row("visits", "qatar-emir-visit-astana")
        let item = try client.get("/visits/qatar-emir-visit-astana").item()
        let expectations: [(field: String, type: String)] = [
            ("visitor", "people"), ("visitor_country", "countries"), ("host_country", "countries"), ("city", "places"),
            ("after_event", "events"),
        ]
        for (field, type) in expectations {
            let id = try #require(visit[field] as? String)
            let reference = try #require(item[field] as? [String: String], "\(field) is an object")
            #expect(reference == ["id": id, "type": type, "href": "/\(type)/\(id)"], "\(field)")
            #expect(client.get(reference["href"] ?? "").status == 200, "the href of \(field) resolves")
        }
        // Typed references ({"type","id"} in the data) gain their href too.
        let fact = try Dataset.row("facts", "second-longest-land-border")
        let factItem = try client.get("/facts/second-longest-land-border").item()
        let subject = try #require(fact["subject"] as? [String: String])
        let shown = try #require(factItem["subject"] as? [String: String])
        #expect(
            shown == [
                "id": subject["id"] ?? "", "type": subject["type"] ?? "",
                "href": "/\(subject["type"] ?? "")/\(subject["id"] ?? "")",
            ])
    }

    @Test(arguments: Dataset.kinds)
    func everyLinkInEveryEntity_resolves(kind: String) throws {
        var checked: Set<String> = []
        for id in try Dataset.ids(kind) {
            let json = try client.get("/\(kind)/\(id)").json()
            for link in linkStrings(in: json) where checked.insert(link.value).inserted {
                #expect(client.get(link.value).status == 200, "\(kind)/\(id) \(link.path): \(link.value)")
            }
        }
        #expect(!checked.isEmpty)
    }

    // MARK: - Relations

    @Test func kazakhstansOrganizations_areItsMemberships() throws {
        let kz = try Dataset.row("countries", "kz")
        let memberships = (kz["memberships"] as? [[String: Any]] ?? []).compactMap { $0["organization"] as? String }
        let response = client.get("/countries/kz/organizations")
        #expect(response.status == 200)
        #expect(try Set(response.ids()) == Set(memberships))
        #expect(try response.items().allSatisfy { $0["type"] as? String == "organizations" })
        #expect(try response.meta()["total"] == memberships.count)
    }

    @Test func anOrganizationsMembers_areTheCountriesWhoseMembershipsNameIt() throws {
        for org in try Dataset.ids("organizations") {
            let members = try Dataset.rows("countries").filter { row in
                (row["memberships"] as? [[String: Any]] ?? []).contains { $0["organization"] as? String == org }
            }.compactMap { $0["id"] as? String }
            let response = client.get("/organizations/\(org)/members")
            guard !members.isEmpty else { continue }
            #expect(response.status == 200, "/organizations/\(org)/members")
            #expect(try response.ids() == members, "\(org)")
        }
        #expect(try client.get("/organizations/oic/members").ids().contains("kz"))
    }

    @Test func aCountrysVisits_areThoseItSentOrHosted() throws {
        for country in ["qa", "sa", "kz"] {
            let expected = try Dataset.rows("visits").filter {
                $0["visitor_country"] as? String == country || $0["host_country"] as? String == country
            }.compactMap { $0["id"] as? String }
            let response = client.get("/countries/\(country)/visits")
            #expect(response.status == 200)
            #expect(try Set(response.ids()) == Set(expected), "\(country)")
        }
    }

    @Test func aPersonsVisits_areThoseTheyMade() throws {
        for person in try Dataset.ids("people") {
            let expected = try Dataset.rows("visits").filter { $0["visitor"] as? String == person }.compactMap {
                $0["id"] as? String
            }
            let response = client.get("/people/\(person)/visits")
            if expected.isEmpty { continue }
            #expect(response.status == 200)
            #expect(try response.ids() == expected, "\(person)")
        }
    }

    @Test func aSubCollection_takesTheSameQueryGrammar() throws {
        let all = try client.get("/countries/kz/organizations").ids()
        let page = client.get("/countries/kz/organizations?limit=1&offset=1&fields=id")
        #expect(page.status == 200)
        #expect(try page.ids() == [all[1]])
        #expect(try page.meta() == ["total": all.count, "count": 1, "limit": 1, "offset": 1])
        #expect(try page.items().allSatisfy { Set($0.keys).isSubset(of: ["id", "type", "href"]) })
        let sorted = try client.get("/countries/kz/organizations?sort=-acronym").items().compactMap {
            $0["acronym"] as? String
        }
        #expect(sorted == sorted.sorted(by: >))
        #expect(client.get("/countries/kz/organizations?sort=bogus").status == 400)
    }

    @Test func anUnknownParent_is404_neverAnEmptyList() throws {
        for target in [
            "/countries/xx/organizations", "/organizations/nato/members", "/people/nobody/visits",
            "/countries/zz/visits",
        ] {
            let response = client.get(target)
            #expect(response.status == 404, "\(target)")
            #expect(response.header("Content-Type") == "application/problem+json")
        }
    }

    @Test func anUnknownEntity_is404_namingTheId() throws {
        let response = client.get("/countries/atlantis")
        #expect(response.status == 404)
        let problem = try response.object()
        #expect((problem["detail"] as? String)?.contains("atlantis") == true)
    }

    @Test func include_linksTheRelatedEntities_andIncludesEachOnceInFull_oneLevel() throws {
        let members = try client.get("/organizations/oic/members").ids()
        let response = client.get("/organizations/oic?include=members")
        #expect(response.status == 200)
        let relationships = try #require(try response.item()["relationships"] as? [String: Any])
        let linked = try #require(relationships["members"] as? [[String: String]])
        #expect(linked.compactMap { $0["id"] } == members)
        #expect(linked.allSatisfy { Set($0.keys) == ["id", "type", "href"] }, "references only")
        let included = try #require(try response.object()["included"] as? [[String: Any]])
        #expect(included.compactMap { $0["id"] as? String } == members)
        let kz = try #require(included.first { $0["id"] as? String == "kz" })
        #expect((kz["name"] as? [String: String])?["ar"] == "كازاخستان")
        #expect(kz["citations"] != nil, "a full entity, not a reference")
        #expect(kz["relationships"] == nil, "one level only")

        let qa = client.get("/countries/qa?include=visits,people")
        let qaLinks = try #require(try qa.item()["relationships"] as? [String: [[String: String]]])
        let qaVisits = try Dataset.rows("visits").filter { $0["visitor_country"] as? String == "qa" }.compactMap {
            $0["id"] as? String
        }
        #expect(qaLinks["visits"]?.compactMap { $0["id"] } == qaVisits)
        let qaPeople = try Dataset.rows("people").filter { $0["country"] as? String == "qa" }.compactMap {
            $0["id"] as? String
        }
        #expect(Set(qaLinks["people"]?.compactMap { $0["id"] } ?? []) == Set(qaPeople))
        let qaIncluded = try #require(try qa.object()["included"] as? [[String: Any]])
        #expect(qaIncluded.count == qaVisits.count + qaPeople.count)

        // On a collection, every row links its own members.
        let rows = try client.get("/organizations?include=members").items()
        for row in rows {
            let id = try #require(row["id"] as? String)
            let linkedIDs = ((row["relationships"] as? [String: Any])?["members"] as? [[String: Any]] ?? []).compactMap
            {
                $0["id"] as? String
            }
            let expected = try Dataset.rows("countries").filter { c in
                (c["memberships"] as? [[String: Any]] ?? []).contains { $0["organization"] as? String == id }
            }.compactMap { $0["id"] as? String }
            #expect(linkedIDs == expected, "\(id)")
        }
    }

    @Test func include_ofAnUnknownRelation_isA400NamingIt() throws {
        let response = client.get("/organizations/oic?include=membres")
        #expect(response.status == 400)
        let errors = try #require(try response.object()["errors"] as? [[String: String]])
        #expect(errors.first?["parameter"] == "include")
        #expect(errors.first?["detail"]?.contains("membres") == true)
        #expect(errors.first?["detail"]?.contains("did you mean 'members'") == true)
    }

    // MARK: - Redirects

    @Test func aCountryAnswersToItsAlpha3Code_inAnyCase_withA301ToTheCanonicalURL() throws {
        for country in try Dataset.rows("countries") {
            let id = try #require(country["id"] as? String)
            let alpha3 = try #require(country["alpha3"] as? String)
            for spelling in [alpha3, alpha3.lowercased(), id.uppercased()] where spelling != id {
                let response = client.get("/countries/\(spelling)")
                #expect(response.status == 301, "/countries/\(spelling)")
                #expect(response.header("Location") == "/countries/\(id)")
                #expect(response.body.isEmpty)
            }
        }
    }

    @Test func aRedirect_keepsTheSubPathAndTheQuery() throws {
        let response = client.get("/countries/KAZ/organizations?limit=1&fields=id")
        #expect(response.status == 301)
        #expect(response.header("Location") == "/countries/kz/organizations?limit=1&fields=id")
        let upper = client.get("/countries/QA/visits")
        #expect(upper.status == 301)
        #expect(upper.header("Location") == "/countries/qa/visits")
        let otherKind = client.get("/organizations/OIC?include=members")
        #expect(otherKind.status == 301)
        #expect(otherKind.header("Location") == "/organizations/oic?include=members")
    }

    // MARK: - Sources

    @Test func sources_listTheDocument_withItsTitleAndParagraphCount() throws {
        let meta = try Dataset.source()
        let id = try #require(meta["id"] as? String)
        let list = client.get("/sources")
        #expect(list.status == 200)
        #expect(try list.ids() == [id])
        let one = try client.get("/sources/\(id)").item()
        #expect(one["paragraph_count"] as? Int == meta["paragraph_count"] as? Int)
        #expect((one["title"] as? [String: String])?["ar"] == Dataset.string(meta, "title.ar"))
        #expect(client.get("/sources/nope").status == 404)
        #expect(client.get("/sources/nope/paragraphs").status == 404)
    }

    @Test func paragraphs_giveTheTextLineByLine() throws {
        let lines = try Dataset.paragraphs()
        let response = client.get("/sources/kazakhstan-foreign-relations/paragraphs")
        #expect(response.status == 200)
        let items = try response.items()
        #expect(items.compactMap { $0["text"] as? String } == lines)
        #expect(items.compactMap { $0["number"] as? Int } == Array(1...lines.count))
        for n in 1...lines.count {
            let one = client.get("/sources/kazakhstan-foreign-relations/paragraphs/\(n)")
            #expect(one.status == 200)
            #expect(try one.item()["text"] as? String == lines[n - 1])
        }
    }

    @Test func aParagraph_listsEveryEntityMention_withTypeIdHrefAndOffsets() throws {
        let lines = try Dataset.paragraphs()
        for n in 1...lines.count {
            // Every citation of every entity (nested ones included) in paragraph n is a mention of that entity.
            var expected: Set<String> = []
            for kind in Dataset.kinds {
                for row in try Dataset.rows(kind) {
                    let id = try #require(row["id"] as? String)
                    for span in citations(in: row) where span.paragraph == n {
                        expected.insert("\(kind)/\(id)@\(span.start)-\(span.end)")
                    }
                }
            }
            let item = try client.get("/sources/kazakhstan-foreign-relations/paragraphs/\(n)").item()
            let mentions = try #require(item["mentions"] as? [[String: Any]])
            var seen: Set<String> = []
            let scalars = Array(lines[n - 1].unicodeScalars)
            for mention in mentions {
                let type = try #require(mention["type"] as? String)
                let id = try #require(mention["id"] as? String)
                let start = try #require(mention["start"] as? Int)
                let end = try #require(mention["end"] as? Int)
                #expect(mention["href"] as? String == "/\(type)/\(id)")
                #expect(start >= 0 && start < end && end <= scalars.count)
                if start >= 0 && start < end && end <= scalars.count, let quote = mention["quote"] as? String {
                    var text = String.UnicodeScalarView()
                    text.append(contentsOf: scalars[start..<end])
                    #expect(String(text) == quote, "offsets select the quote")
                }
                seen.insert("\(type)/\(id)@\(start)-\(end)")
            }
            #expect(seen == expected, "paragraph \(n)")
        }
    }

    @Test func anUnknownParagraph_is404() throws {
        let count = try Dataset.paragraphs().count
        for n in ["0", "\(count + 1)", "01", "-1", "x", "1.0"] {
            let response = client.get("/sources/kazakhstan-foreign-relations/paragraphs/\(n)")
            #expect(response.status == 404, "paragraph \(n)")
            #expect(response.header("Content-Type") == "application/problem+json")
        }
    }

    @Test func citedIn_filtersEveryCollection_toWhatThatParagraphMentions() throws {
        for kind in Dataset.kinds {
            let expected = try Dataset.rows(kind).filter { Dataset.citedParagraphs($0).contains(3) }.compactMap {
                $0["id"] as? String
            }
            let response = client.get("/\(kind)?cited_in=3&limit=200")
            #expect(response.status == 200)
            #expect(try response.ids() == expected, "\(kind)")
        }
        // A comma list means any of the paragraphs.
        let either = try Dataset.rows("facts").filter { !Dataset.citedParagraphs($0).isDisjoint(with: [2, 4]) }
            .compactMap { $0["id"] as? String }
        #expect(try client.get("/facts?cited_in=2,4&limit=200").ids() == either)
        #expect(client.get("/facts?cited_in=99").status == 400)
    }

    @Test func citedIn_findsKazakhstan_inEveryParagraphThatNamesIt() throws {
        // ¶4 names Kazakhstan only in «رئيس دولة كازاخستان», ¶6 in «خرجت كازاخستان»: every naming is a citation now.
        for n in [1, 2, 4, 5, 6, 7] {
            let response = client.get("/countries?cited_in=\(n)")
            #expect(response.status == 200)
            #expect(try response.ids().contains("kz"), "¶\(n)")
        }
        #expect(try client.get("/countries?cited_in=4").ids() == ["kz"])
        #expect(try client.get("/countries?cited_in=6").ids() == ["kz", "suhh"])
    }

    @Test func paragraphs_filteredByMentions_areThoseCitingTheEntity() throws {
        let kz = try Dataset.row("countries", "kz")
        let expected = Dataset.citedParagraphs(kz).sorted().map(String.init)
        let response = client.get("/sources/kazakhstan-foreign-relations/paragraphs?mentions=kz&fields=id")
        #expect(response.status == 200)
        #expect(try response.ids() == expected)
    }

    private func citations(in row: [String: Any]) -> [(paragraph: Int, start: Int, end: Int)] {
        var out: [(paragraph: Int, start: Int, end: Int)] = []
        func walk(_ value: Any, underCitations: Bool) {
            if let object = value as? [String: Any] {
                if underCitations, let p = object["paragraph"] as? Int, let s = object["start"] as? Int,
                    let e = object["end"] as? Int
                {
                    out.append((p, s, e))
                }
                for (key, member) in object { walk(member, underCitations: key == "citations") }
            } else if let array = value as? [Any] {
                for member in array { walk(member, underCitations: underCitations) }
            }
        }
        walk(row, underCitations: false)
        return out
    }

    // MARK: - Health

    @Test func healthz_is200_andNeverStored() throws {
        let response = client.get("/healthz")
        #expect(response.status == 200)
        #expect(response.header("Cache-Control") == "no-store")
        #expect(response.header("ETag") == nil)
        #expect(try response.object()["status"] as? String == "ok")
    }

    @Test func readyz_is200_until503OnceDraining() throws {
        let client = APITestClient(options: BundledStore.options)
        let before = client.get("/readyz")
        #expect(before.status == 200)
        #expect(before.header("Cache-Control") == "no-store")
        #expect(before.header("Content-Type") == "application/json; charset=utf-8")
        client.readiness.markDraining()
        let after = client.get("/readyz")
        #expect(after.status == 503)
        #expect(after.header("Cache-Control") == "no-store")
        #expect(after.header("Access-Control-Allow-Origin") == "*")
        // Every error is an RFC 9457 problem, this one included.
        #expect(after.header("Content-Type") == "application/problem+json")
        let problem = try after.object()
        #expect(problem["status"] as? Int == 503)
        #expect(problem["title"] as? String == "Service Unavailable")
        #expect(problem["instance"] as? String == "/readyz")
        #expect((problem["detail"] as? String)?.isEmpty == false)
        // Liveness is unaffected: the process still answers.
        #expect(client.get("/healthz").status == 200)
    }
}
