import Foundation
import Server
import Testing

@testable import API

/// `/search?q=…&type=…`: ranked hits across every kind and the text, Arabic-aware.
@Suite struct SearchTests {
    let client = BundledStore.client

    @Test func qatar_inArabicWithOrWithoutItsTitle_orInEnglishInAnyCase_findsTheCountryFirst() throws {
        let arabic = try #require(Dataset.string(try Dataset.row("countries", "qa"), "name.ar"))
        let english = try #require(Dataset.string(try Dataset.row("countries", "qa"), "name.en"))
        for q in [arabic, "دولة \(arabic)", english, english.lowercased(), english.uppercased()] {
            let response = client.get("/search?q=\(encoded(q))")
            #expect(response.status == 200, "q=\(q)")
            let first = try #require(try response.items().first, "q=\(q) finds something")
            #expect(first["type"] as? String == "countries", "q=\(q)")
            #expect(first["id"] as? String == "qa", "q=\(q)")
            #expect(first["href"] as? String == "/countries/qa")
        }
    }

    @Test func aHit_hasTypeIdHrefScoreSnippetAndMatchOffsets_withinTheSnippet() throws {
        let response = client.get("/search?q=\(encoded("كازاخستان"))&limit=200")
        #expect(response.status == 200)
        let hits = try response.items()
        #expect(!hits.isEmpty)
        var previous = Int.max
        for hit in hits {
            let type = try #require(hit["type"] as? String)
            let id = try #require(hit["id"] as? String)
            let score = try #require(hit["score"] as? Int)
            let snippet = try #require(hit["snippet"] as? String)
            let match = try #require(hit["match"] as? [String: Int])
            let start = try #require(match["start"])
            let end = try #require(match["end"])
            #expect(score <= previous, "ranked by score")
            previous = score
            #expect(start >= 0 && start < end && end <= snippet.unicodeScalars.count, "\(type)/\(id)")
            if type == "paragraphs" {
                #expect(hit["href"] as? String == "/sources/kazakhstan-foreign-relations/paragraphs/\(id)")
            } else {
                #expect(hit["href"] as? String == "/\(type)/\(id)")
                #expect(Dataset.kinds.contains(type))
            }
        }
        #expect(hits.contains { $0["type"] as? String == "paragraphs" }, "the text is searched too")
        #expect(hits.first?["id"] as? String == "kz")
    }

    @Test func type_limitsHitsToThoseKinds_andACommaListMeansAny() throws {
        let places = try client.get("/search?q=\(encoded("آسيا"))&type=places").items()
        #expect(!places.isEmpty)
        #expect(places.allSatisfy { $0["type"] as? String == "places" })
        #expect(places.contains { $0["id"] as? String == "central-asia" })
        let mixed = try client.get("/search?q=\(encoded("آسيا"))&type=places,paragraphs&limit=200").items()
        #expect(Set(mixed.compactMap { $0["type"] as? String }) == ["places", "paragraphs"])
        let bad = client.get("/search?q=x&type=contries")
        #expect(bad.status == 400)
        let errors = try #require(try bad.object()["errors"] as? [[String: String]])
        #expect(errors.first?["parameter"] == "type")
        #expect(errors.first?["detail"]?.contains("did you mean 'countries'") == true)
    }

    @Test func search_withoutQ_isA400NamingQ() throws {
        for target in ["/search", "/search?q=", "/search?q=%20%20"] {
            let response = client.get(target)
            #expect(response.status == 400, "\(target)")
            let errors = try #require(try response.object()["errors"] as? [[String: String]])
            #expect(errors.map { $0["parameter"] } == ["q"])
        }
    }

    @Test func search_isPaged_likeEveryCollection() throws {
        let all = client.get("/search?q=\(encoded("كازاخستان"))&limit=200")
        let total = try #require(try all.meta()["total"])
        #expect(all.header("X-Total-Count") == "\(total)")
        let second = client.get("/search?q=\(encoded("كازاخستان"))&limit=2&offset=2")
        let expected = try all.items()[2..<min(4, total)].map { "\($0["type"] ?? "")/\($0["id"] ?? "")" }
        #expect(try second.items().map { "\($0["type"] ?? "")/\($0["id"] ?? "")" } == expected)
        let next = try #require(try second.links()["next"] ?? nil)
        #expect(next.contains("q=%D9%83"), "the query survives, percent-encoded, in the links")
    }

    @Test func aMissSearch_isAnEmpty200() throws {
        let response = client.get("/search?q=xylophonezz")
        #expect(response.status == 200)
        #expect(try response.items().isEmpty)
        #expect(try response.meta()["total"] == 0)
    }

    @Test func sortByScore_descending_putsTheBestHitFirst_andAscending_theWorst() throws {
        let q = encoded("قطر")
        let ranked = try client.get("/search?q=\(q)&limit=200").items().compactMap { $0["score"] as? Int }
        #expect(ranked.count >= 2 && ranked.first != ranked.last, "the hits have different scores")
        let descending = try client.get("/search?q=\(q)&sort=-score&limit=200").items().compactMap {
            $0["score"] as? Int
        }
        #expect(descending == ranked.sorted(by: >))
        let ascending = try client.get("/search?q=\(q)&sort=score&limit=200").items().compactMap { $0["score"] as? Int }
        #expect(ascending == ranked.sorted())
        let byType = try client.get("/search?q=\(q)&sort=type&limit=200").items().compactMap { $0["type"] as? String }
        #expect(byType == byType.sorted())
    }

    @Test func theMatchOffsets_selectTheMatchedWordInTheSnippet() throws {
        let hits = try client.get("/search?q=Qatar&limit=200").items()
        #expect(!hits.isEmpty)
        for hit in hits {
            let snippet = Array(try #require(hit["snippet"] as? String).unicodeScalars)
            let match = try #require(hit["match"] as? [String: Int])
            let start = try #require(match["start"])
            let end = try #require(match["end"])
            try #require(start >= 0 && start <= end && end <= snippet.count)
            var matched = String.UnicodeScalarView()
            matched.append(contentsOf: snippet[start..<end])
            // Entities match the word; the Arabic text is found through its mentions of Qatar, «قطر».
            let expected = hit["type"] as? String == "paragraphs" ? "قطر" : "qatar"
            #expect(String(matched).lowercased().hasPrefix(expected), "\(hit["id"] ?? "")")
        }
    }

    @Test func hamzaFormsOfAlef_findTheSameHits() throws {
        // «أستانا» and «استانا» differ only in the hamza on the alef, which Arabic search folds.
        let withHamza = try client.get("/search?q=\(encoded("أستانا"))&limit=200").items().map {
            "\($0["type"] ?? "")/\($0["id"] ?? "")"
        }
        let without = try client.get("/search?q=\(encoded("استانا"))&limit=200").items().map {
            "\($0["type"] ?? "")/\($0["id"] ?? "")"
        }
        #expect(!withHamza.isEmpty)
        #expect(withHamza == without)
        #expect(withHamza.first == "places/astana")
    }
}
