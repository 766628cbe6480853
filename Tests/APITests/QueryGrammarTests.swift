import Foundation
import Server
import Store
import Testing

@testable import API

/// One named filter: the collection, the parameter and which values a data row has for it.
struct FilterCase: Sendable, CustomTestStringConvertible {
    let kind: String
    let name: String
    let values: @Sendable ([String: Any]) -> [String]
    var testDescription: String { "/\(kind)?\(name)=" }
}

private func field(_ key: String) -> @Sendable ([String: Any]) -> [String] {
    { row in (row[key] as? String).map { [$0] } ?? [] }
}

private func references(_ key: String) -> @Sendable ([String: Any]) -> [String] {
    { row in Dataset.referenceIDs(row[key]) }
}

/// Every named filter of every collection, with what it means in the data files.
let filterCases: [FilterCase] = [
    FilterCase(
        kind: "countries", name: "member",
        values: { row in
            (row["memberships"] as? [[String: Any]] ?? []).compactMap { $0["organization"] as? String }
        }),
    FilterCase(kind: "countries", name: "status", values: field("status")),
    FilterCase(
        kind: "organizations", name: "member",
        values: { row in
            let id = row["id"] as? String
            let countries = (try? Dataset.rows("countries")) ?? []
            return countries.filter { c in
                (c["memberships"] as? [[String: Any]] ?? []).contains { $0["organization"] as? String == id }
            }
            .compactMap { $0["id"] as? String }
        }),
    FilterCase(kind: "visits", name: "visitor", values: field("visitor")),
    FilterCase(kind: "visits", name: "visitor_country", values: field("visitor_country")),
    FilterCase(kind: "visits", name: "host", values: field("host_country")),
    FilterCase(kind: "visits", name: "city", values: field("city")),
    FilterCase(kind: "initiatives", name: "proposer", values: references("proposer")),
    FilterCase(kind: "initiatives", name: "related", values: references("related")),
    FilterCase(kind: "people", name: "country", values: field("country")),
    FilterCase(kind: "places", name: "place_type", values: field("place_type")),
    FilterCase(kind: "places", name: "country", values: { row in row["countries"] as? [String] ?? [] }),
    FilterCase(kind: "events", name: "event_type", values: field("event_type")),
    FilterCase(kind: "events", name: "place", values: field("place")),
    FilterCase(
        kind: "events", name: "participant",
        values: { row in
            (row["participants"] as? [[String: Any]] ?? []).flatMap { Dataset.referenceIDs($0["participant"]) }
        }),
    FilterCase(kind: "declarations", name: "declaration_type", values: field("declaration_type")),
    FilterCase(kind: "declarations", name: "event", values: field("issued_at")),
    FilterCase(kind: "facts", name: "category", values: field("category")),
    FilterCase(kind: "facts", name: "subject", values: references("subject")),
    FilterCase(kind: "facts", name: "related", values: references("related")),
]

/// One sort field: the collection, the field and the row's key (nil = missing).
struct SortCase: Sendable, CustomTestStringConvertible {
    let kind: String
    let field: String
    let key: @Sendable ([String: Any]) -> String?
    var testDescription: String { "/\(kind)?sort=\(field)" }
}

let sortCases: [SortCase] = Dataset.kinds.flatMap { kind -> [SortCase] in
    var cases = [
        SortCase(kind: kind, field: "id", key: { $0["id"] as? String }),
        // Arabic names sort on their normalized key, so hamza and alef forms or tashkeel do not scatter them.
        SortCase(kind: kind, field: "name.ar", key: { Dataset.string($0, "name.ar").map(TextNormalizer.normalize) }),
        SortCase(kind: kind, field: "name.en", key: { Dataset.string($0, "name.en")?.lowercased() }),
    ]
    let extra: [String: [String]] = [
        "countries": ["alpha3", "status"], "organizations": ["acronym"], "visits": ["visitor_country", "host_country"],
        "people": ["country"], "places": ["place_type"], "events": ["date", "event_type"],
        "declarations": ["declaration_type"],
        "facts": ["category"],
    ]
    for name in extra[kind] ?? [] {
        cases.append(
            SortCase(
                kind: kind, field: name,
                key: { row in Dataset.string(row, name) ?? Dataset.string(row, name + ".value") }))
    }
    return cases
}

@Suite struct QueryGrammarTests {
    let client = BundledStore.client

    // MARK: - Filters

    @Test(arguments: filterCases)
    func aNamedFilter_keepsTheRowsHavingThatValue_andACommaListMeansAny(_ row: FilterCase) throws {
        let rows = try Dataset.rows(row.kind)
        let allValues = Array(Set(rows.flatMap(row.values))).sorted()
        try #require(!allValues.isEmpty, "the data has values for \(row.name)")
        for value in allValues {
            let expected = rows.filter { row.values($0).contains(value) }.compactMap { $0["id"] as? String }
            let response = client.get("/\(row.kind)?\(row.name)=\(value)&limit=200")
            #expect(response.status == 200, "\(row.name)=\(value)")
            #expect(try response.ids() == expected, "\(row.name)=\(value)")
            #expect(!expected.isEmpty)
        }
        // OR within one filter.
        if allValues.count >= 2 {
            let pair = Set(allValues.prefix(2))
            let expected = rows.filter { !pair.isDisjoint(with: row.values($0)) }.compactMap { $0["id"] as? String }
            let response = client.get("/\(row.kind)?\(row.name)=\(allValues[0]),\(allValues[1])&limit=200")
            #expect(try response.ids() == expected, "\(row.name)=\(allValues[0]),\(allValues[1])")
        }
    }

    @Test func differentFilters_combineWithAnd() throws {
        let visits = try Dataset.rows("visits")
        let expected = visits.filter {
            $0["visitor_country"] as? String == "sa" && $0["host_country"] as? String == "kz"
        }.compactMap { $0["id"] as? String }
        #expect(!expected.isEmpty)
        #expect(try client.get("/visits?visitor_country=sa&host=kz").ids() == expected)
        // AND with a filter no row meets gives nothing; OR across the same filter gives both.
        #expect(try client.get("/visits?visitor_country=sa&visitor=hamad-bin-khalifa-al-thani").ids().isEmpty)
        let both = visits.filter { ["sa", "qa"].contains($0["visitor_country"] as? String ?? "") }.compactMap {
            $0["id"] as? String
        }
        #expect(try client.get("/visits?visitor_country=sa,qa&host=kz").ids() == both)

        let places = try Dataset.rows("places")
        let regionsInQatar = places.filter {
            $0["place_type"] as? String == "region" && ($0["countries"] as? [String] ?? []).contains("qa")
        }
        .compactMap { $0["id"] as? String }
        #expect(try client.get("/places?place_type=region&country=qa").ids() == regionsInQatar)
    }

    @Test func organizationsFilteredByMember_areKazakhstansMemberships() throws {
        let kz = try Dataset.row("countries", "kz")
        let orgs = Set((kz["memberships"] as? [[String: Any]] ?? []).compactMap { $0["organization"] as? String })
        let inFileOrder = try Dataset.ids("organizations").filter(orgs.contains)
        #expect(try client.get("/organizations?member=kz").ids() == inFileOrder)
    }

    @Test func anUnknownFilterValue_isA400NamingIt_andSuggestsTheNearest() throws {
        let response = client.get("/organizations?member=kzz")
        #expect(response.status == 400)
        let errors = try #require(try response.object()["errors"] as? [[String: String]])
        #expect(errors.count == 1)
        #expect(errors.first?["parameter"] == "member")
        #expect(errors.first?["detail"]?.contains("'kzz'") == true)
        #expect(errors.first?["detail"]?.contains("did you mean 'kz'") == true)
    }

    // MARK: - Sort

    @Test(arguments: sortCases)
    func eachSortField_ordersAscendingAndDescending_withMissingValuesLast(_ row: SortCase) throws {
        let rows = try Dataset.rows(row.kind)
        let keyed = rows.enumerated().map {
            (index: $0.offset, id: $0.element["id"] as? String ?? "", key: row.key($0.element))
        }
        func expected(descending: Bool) -> [String] {
            keyed.sorted { a, b in
                switch (a.key, b.key) {
                case (let x?, let y?) where x != y:
                    return descending
                        ? y.utf8.lexicographicallyPrecedes(x.utf8) : x.utf8.lexicographicallyPrecedes(y.utf8)
                case (nil, _?): return false
                case (_?, nil): return true
                default: return a.index < b.index  // ties keep the curated order
                }
            }.map(\.id)
        }
        let ascending = client.get("/\(row.kind)?sort=\(row.field)&limit=200")
        #expect(ascending.status == 200)
        #expect(try ascending.ids() == expected(descending: false), "sort=\(row.field)")
        let descending = client.get("/\(row.kind)?sort=-\(row.field)&limit=200")
        #expect(descending.status == 200)
        #expect(try descending.ids() == expected(descending: true), "sort=-\(row.field)")
    }

    @Test func sort_takesSeveralFields_theLaterBreakingTiesOfTheEarlier() throws {
        let rows = try Dataset.rows("facts")
        let expected = rows.sorted { a, b in
            let (ca, cb) = (a["category"] as? String ?? "", b["category"] as? String ?? "")
            if ca != cb { return ca < cb }
            return (a["id"] as? String ?? "") > (b["id"] as? String ?? "")
        }.compactMap { $0["id"] as? String }
        #expect(try client.get("/facts?sort=category,-id&limit=200").ids() == expected)
    }

    @Test func anUnknownSortField_isA400NamingIt_andSuggestsTheNearest() throws {
        let response = client.get("/countries?sort=-nmae.ar")
        #expect(response.status == 400)
        #expect(response.header("Content-Type") == "application/problem+json")
        let problem = try response.object()
        let errors = try #require(problem["errors"] as? [[String: String]])
        #expect(errors.count == 1)
        #expect(errors.first?["parameter"] == "sort")
        #expect(errors.first?["detail"]?.contains("'nmae.ar'") == true)
        #expect(errors.first?["detail"]?.contains("did you mean 'name.ar'") == true)
        #expect((problem["detail"] as? String)?.contains("sort") == true)
    }

    // MARK: - Fields

    @Test func fields_keepsTheNamedFields_dottedOrWhole_plusIdTypeAndHref() throws {
        let rows = try Dataset.rows("countries")
        let response = client.get("/countries?fields=name.en,alpha3")
        #expect(response.status == 200)
        let items = try response.items()
        #expect(items.count == rows.count)
        for (item, row) in zip(items, rows) {
            #expect(Set(item.keys) == ["id", "type", "href", "name", "alpha3"])
            #expect(item["name"] as? [String: String] == ["en": Dataset.string(row, "name.en") ?? ""])
            #expect(item["alpha3"] as? String == row["alpha3"] as? String)
        }
        let whole = try client.get("/countries/kz?fields=name").item()
        #expect(Set(whole.keys) == ["id", "type", "href", "name"])
        let kz = try Dataset.row("countries", "kz")
        #expect(whole["name"] as? [String: String] == kz["name"] as? [String: String])
    }

    @Test func anUnknownFieldName_isA400NamingIt_andSuggestsTheNearest() throws {
        let response = client.get("/countries?fields=id,aplha3")
        #expect(response.status == 400)
        let errors = try #require(try response.object()["errors"] as? [[String: String]])
        #expect(errors.map { $0["parameter"] } == ["fields"])
        #expect(errors.first?["detail"]?.contains("'aplha3'") == true)
        #expect(errors.first?["detail"]?.contains("did you mean 'alpha3'") == true)
    }

    // MARK: - Language

    @Test(arguments: ["ar", "en"])
    func lang_makesNameDescriptionAndAliasesPlain_andSetsContentLanguage(language: String) throws {
        let rows = try Dataset.rows("organizations")
        let response = client.get("/organizations?lang=\(language)")
        #expect(response.status == 200)
        #expect(response.header("Content-Language") == language)
        for (item, row) in zip(try response.items(), rows) {
            #expect(item["label"] == nil, "no flat label: name itself is the string")
            #expect(item["name"] as? String == Dataset.string(row, "name.\(language)"))
            #expect(item["description"] as? String == Dataset.string(row, "description.\(language)"))
            if let aliases = row["aliases"] as? [String: [String]] {
                #expect(item["aliases"] as? [String] == aliases[language])
            }
        }
        let one = client.get("/people/nursultan-nazarbayev?lang=\(language)")
        #expect(one.header("Content-Language") == language)
        #expect(
            try one.item()["name"] as? String
                == Dataset.string(try Dataset.row("people", "nursultan-nazarbayev"), "name.\(language)"))
    }

    @Test func withoutLang_contentLanguageIsArabicAndEnglish_andDescriptionIsAMap() throws {
        let response = client.get("/countries/kz")
        #expect(response.header("Content-Language") == "ar, en")
        let item = try response.item()
        #expect(item["label"] == nil)
        #expect(
            item["description"] as? [String: String] == (try Dataset.row("countries", "kz"))["description"]
                as? [String: String])
        #expect(client.get("/countries").header("Content-Language") == "ar, en")
    }

    @Test func anUnknownLanguage_isA400() throws {
        let response = client.get("/countries?lang=fr")
        #expect(response.status == 400)
        let errors = try #require(try response.object()["errors"] as? [[String: String]])
        #expect(errors.map { $0["parameter"] } == ["lang"])
        #expect(errors.first?["detail"]?.contains("fr") == true)
    }

    // MARK: - q within a collection

    @Test func q_withinACollection_findsTheEntityByArabicOrEnglishName() throws {
        let qatar = try Dataset.row("countries", "qa")
        let arabic = try #require(Dataset.string(qatar, "name.ar"))
        for q in [arabic, "دولة \(arabic)", "Qatar", "qatar"] {
            let response = client.get("/countries?q=\(encoded(q))")
            #expect(response.status == 200, "q=\(q)")
            #expect(try response.ids().first == "qa", "q=\(q)")
        }
        // Only entities of that collection, best match first: the Emir of Qatar's visit before the Saudi one, whose
        // notes mention Qatar only in passing.
        let visits = client.get("/visits?q=\(encoded("قطر"))")
        #expect(try visits.ids().first == "qatar-emir-visit-astana")
        #expect(try visits.items().allSatisfy { $0["type"] as? String == "visits" })
        #expect(try client.get("/countries?q=zzzzqqq").ids().isEmpty)
        #expect(client.get("/countries?q=").status == 400)
    }

    @Test func q_combinesWithFiltersAndSort() throws {
        let response = client.get("/places?q=\(encoded("آسيا"))&place_type=region")
        #expect(response.status == 200)
        let ids = try response.ids()
        let regions = Set(
            try Dataset.rows("places").filter { $0["place_type"] as? String == "region" }.compactMap {
                $0["id"] as? String
            })
        #expect(ids.contains("central-asia"))
        #expect(Set(ids).isSubset(of: regions))
        let sorted = try client.get("/places?q=\(encoded("آسيا"))&sort=-id").ids()
        #expect(sorted == sorted.sorted(by: >))
    }

    // MARK: - Unknown parameters

    @Test func anUnknownParameter_isA400NamingIt_andSuggestsTheNearest() throws {
        let response = client.get("/countries?limt=2")
        #expect(response.status == 400)
        #expect(response.header("Content-Type") == "application/problem+json")
        let problem = try response.object()
        #expect(problem["status"] as? Int == 400)
        let errors = try #require(problem["errors"] as? [[String: String]])
        #expect(errors.map { $0["parameter"] } == ["limt"])
        #expect(errors.first?["detail"]?.contains("did you mean 'limit'") == true)
    }

    @Test func everyBadParameter_isNamedInOne400() throws {
        let response = client.get("/countries?limit=0&sort=nope&colour=red&lang=xx")
        #expect(response.status == 400)
        let errors = try #require(try response.object()["errors"] as? [[String: String]])
        #expect(Set(errors.compactMap { $0["parameter"] }) == ["limit", "sort", "colour", "lang"])
        #expect(errors.allSatisfy { ($0["detail"] ?? "").isEmpty == false })
    }

    @Test(arguments: ["sort", "fields", "include", "member", "cited_in", "lang", "q", "offsets"])
    func anEmptyValue_isA400NamingTheParameter_neverSilentlyIgnored(parameter: String) throws {
        let response = client.get("/organizations?\(parameter)=")
        #expect(response.status == 400, "\(parameter)=")
        let errors = try #require(try response.object()["errors"] as? [[String: String]])
        #expect(errors.map { $0["parameter"] } == [parameter])
    }

    @Test func aFilterOfAnotherCollection_isUnknownHere() throws {
        let response = client.get("/countries?host=kz")
        #expect(response.status == 400)
        let errors = try #require(try response.object()["errors"] as? [[String: String]])
        #expect(errors.map { $0["parameter"] } == ["host"])
    }

    @Test func aSingleResource_rejectsCollectionParameters() throws {
        let response = client.get("/countries/kz?limit=2")
        #expect(response.status == 400)
        let errors = try #require(try response.object()["errors"] as? [[String: String]])
        #expect(errors.map { $0["parameter"] } == ["limit"])
    }

    @Test(arguments: ["limit=1&limit=2", "offset=0&offset=1", "lang=ar&lang=en", "q=a&q=b", "pretty&pretty"])
    func aRepeatedSingleValuedParameter_isA400NamingIt(query: String) throws {
        let response = client.get("/countries?\(query)")
        #expect(response.status == 400)
        let errors = try #require(try response.object()["errors"] as? [[String: String]])
        let name = String(query.prefix { $0 != "=" && $0 != "&" })
        #expect(errors.map { $0["parameter"] } == [name])
        #expect(errors.first?["detail"]?.contains("takes one value") == true)
    }

    @Test(arguments: [
        "/countries?offsets=bogus", "/countries/kz?offsets=UTF16", "/search?q=kz&offsets=utf8",
        "/sources/kazakhstan-foreign-relations/paragraphs?offsets=utf16&offsets=utf16",
        "/countries?offsets=scalar&offsets=utf16",
        // Sources carry no offsets, so the parameter means nothing there.
        "/sources?offsets=utf16",
    ])
    func aBadOrRepeatedOffsets_isA400NamingIt(target: String) throws {
        let response = client.get(target)
        #expect(response.status == 400, "\(target)")
        let errors = try #require(try response.object()["errors"] as? [[String: String]])
        #expect(errors.map { $0["parameter"] } == ["offsets"], "\(target)")
    }

    // MARK: - pretty

    @Test func pretty_indentsTheSameJSON() throws {
        let plain = client.get("/countries/kz")
        let pretty = client.get("/countries/kz?pretty")
        #expect(pretty.status == 200)
        #expect(pretty.text.contains("\n"))
        #expect(!plain.text.contains("\n"))
        #expect(NSDictionary(dictionary: try plain.object()).isEqual(to: try pretty.object()))
        #expect(pretty.header("ETag") != plain.header("ETag"), "different bytes, different tag")
        #expect(client.get("/countries/kz?pretty=maybe").status == 400)
    }
}
