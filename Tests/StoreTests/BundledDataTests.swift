import Foundation
import TestSupport
import Testing

@testable import Store

/// The curated dataset in Resources/: it loads, it holds what the text names, and every citation
/// verifies against the document (checked here independently of the loader's own check).
@Suite struct BundledDataTests {
    let store: Store
    let rawText: Data

    init() throws {
        store = try Store.load(from: RepositoryPaths.resources.path)
        rawText = try Data(
            contentsOf: RepositoryPaths.resources.appendingPathComponent("sources/kazakhstan-foreign-relations.txt"))
    }

    @Test func bundledResources_loadWithoutProblems() {
        do {
            _ = try Store.load(from: RepositoryPaths.resources.path)
        } catch {
            Issue.record("bundled data has problems:\n\(error)")
        }
    }

    @Test func source_isTheSevenParagraphDocument_withMatchingDigest() {
        #expect(store.source.id == "kazakhstan-foreign-relations")
        #expect(store.source.language == "ar")
        #expect(store.source.paragraphs.count == 7)
        #expect(store.source.text == [UInt8](rawText))
        #expect(store.source.sha256 == SHA256.hex([UInt8](rawText)))
        #expect(store.source.paragraphs.joined(separator: "\n") == String(decoding: rawText, as: UTF8.self))
    }

    @Test(arguments: [
        (EntityKind.countries, ["kz", "cn", "ru", "qa", "sa", "suhh"]),
        (.organizations, ["oic", "un", "osce", "sco", "cica"]),
        (.people, ["nursultan-nazarbayev", "hamad-bin-khalifa-al-thani", "sultan-bin-abdulaziz"]),
        (
            .places,
            [
                "astana", "almaty", "central-asia", "caspian-sea", "arabian-gulf", "asia", "europe", "silk-road",
                "post-soviet-space",
            ]
        ),
        (.visits, ["qatar-emir-visit-astana", "saudi-crown-prince-visit-astana"]),
        (
            .initiatives,
            [
                "eurasian-union", "regional-international-security-system", "cica-initiative",
                "asia-nuclear-weapon-free-zone", "kazakhstan-2030", "dialogue-among-civilizations",
            ]
        ),
        (
            .events,
            ["cica-summit-2002", "ussr-dissolution", "kazakhstan-independence", "soviet-chinese-border-conflicts"]
        ),
        (.declarations, ["almaty-act", "cica-joint-statement-terrorism-dialogue"]),
        (
            .facts,
            [
                "second-longest-land-border", "permanent-borders-china-russia", "largest-muslim-country-by-area",
                "islamic-world-expanded",
                "more-than-130-nationalities", "independence-december-1991", "energy-producer-transporter",
                "bridge-between-east-and-west",
                "multi-vector-foreign-policy", "summit-wmd-disarmament-commitment", "strategic-importance-memberships",
            ]
        ),
    ])
    func expectedEntities_arePresentByID(kind: EntityKind, ids: [String]) {
        let present = Set(store.entities(of: kind).map(\.id))
        for id in ids { #expect(present.contains(id), "missing \(kind.rawValue)/\(id)") }
    }

    @Test func everyCitation_quotesTheTextAtItsScalarOffsets() throws {
        let paragraphs = String(decoding: rawText, as: UTF8.self).components(separatedBy: "\n").map {
            Array($0.unicodeScalars)
        }
        var checked = 0
        for kind in EntityKind.allCases {
            for entity in store.entities(of: kind) {
                #expect(!entity.citations.isEmpty, "\(kind.rawValue)/\(entity.id) has no citation")
                for citation in entity.allCitations() {
                    let paragraph = try #require(
                        paragraphs.indices.contains(citation.paragraph - 1) ? paragraphs[citation.paragraph - 1] : nil)
                    try #require(
                        citation.start >= 0 && citation.start < citation.end && citation.end <= paragraph.count)
                    let text = String(String.UnicodeScalarView(paragraph[citation.start..<citation.end]))
                    #expect(
                        text.unicodeScalars.elementsEqual(citation.quote.unicodeScalars),
                        "\(kind.rawValue)/\(entity.id) ¶\(citation.paragraph)")
                    #expect(citation.translation?.kind == "translation")
                    checked += 1
                }
            }
        }
        #expect(checked > 100)
    }

    @Test func arabicNames_areSpelledAsTheTextSpellsThem() {
        // Names that come from the text must occur in it verbatim, with the text's own spelling.
        let text = String(decoding: rawText, as: UTF8.self)
        for (kind, id) in [
            (EntityKind.places, "astana"), (.places, "almaty"), (.people, "nursultan-nazarbayev"), (.countries, "qa"),
            (.organizations, "oic"), (.organizations, "osce"), (.organizations, "cica"), (.declarations, "almaty-act"),
        ] {
            let name = store.entity(kind, id: id)?.name.ar ?? ""
            #expect(!name.isEmpty && text.contains(name), "\(kind.rawValue)/\(id): «\(name)»")
        }
        #expect(store.entity(.places, id: "astana")?.name.ar == "اصطنة")
        #expect(store.entity(.places, id: "almaty")?.name.ar == "ألماطى")
    }

    @Test func everySpellingOfThePresident_inTheText_isANameOrAlias() throws {
        let person = try #require(store.entity(.people, id: "nursultan-nazarbayev"))
        let spellings = Set([person.name.ar] + person.aliases.ar)
        for spelling in ["نور سلطان نازارباييف", "نازاربايف", "نور سلطان نازاربايف", "نور سلطان نزارباييف"] {
            #expect(spellings.contains(spelling))
        }
    }

    @Test func oic_hasBothNamesTheTextUses_andTheRenamingAsExternalKnowledge() throws {
        let oic = try #require(store.entity(.organizations, id: "oic"))
        #expect(oic.name.ar == "منظمة التعاون الإسلامي")
        #expect(oic.aliases.ar.contains("منظمة المؤتمر الإسلامي"))
        #expect(oic.external?.contains { $0.field == "renamed" && $0.source == "external" } == true)
    }

    @Test func europeanUnionInitiative_keepsTheLiteralWords_andGivesTheLikelyMeaning() throws {
        let initiative = try #require(store.entities(of: Initiative.self).first { $0.id == "eurasian-union" })
        #expect(initiative.name.ar == "إقامة الاتحاد الأوروبي")
        let reading = try #require(initiative.interpretations?.first)
        #expect(reading.literal.ar == "الاتحاد الأوروبي")
        #expect(reading.likely.en == "the Eurasian Union")
        #expect(initiative.proposer == EntityReference(type: .people, id: "nursultan-nazarbayev"))
    }

    @Test func kazakhstan_isMemberOfTheOrganizationsTheTextNames() {
        for organization in ["un", "oic", "osce", "sco"] {
            #expect(store.members(of: organization).map(\.id) == ["kz"], "\(organization)")
        }
    }

    @Test func visits_areHostedByKazakhstanInAstana_andCiteTheirNotability() {
        #expect(store.entities(of: Visit.self).count == 2)
        for visit in store.entities(of: Visit.self) {
            #expect(visit.hostCountry == "kz" && visit.city == "astana")
            #expect(visit.notable.ar.contains("الأولى من نوعها"))
            #expect(visit.citations.contains { $0.quote.contains("الأوليان من نوعهما") })
        }
        #expect(Set(store.entities(of: Visit.self).map(\.visitorCountry)) == ["qa", "sa"])
    }

    @Test func almatySummit_isJune2002_inAlmaty_withItsDocuments() throws {
        let summit = try #require(store.entities(of: Event.self).first { $0.id == "cica-summit-2002" })
        #expect(summit.date == EventDate(value: "2002-06", precision: .month))
        #expect(summit.place == "almaty")
        let results = Set(summit.outcomes.compactMap(\.result))
        #expect(
            results.isSuperset(of: [
                EntityReference(type: .declarations, id: "almaty-act"),
                EntityReference(type: .declarations, id: "cica-joint-statement-terrorism-dialogue"),
                EntityReference(type: .initiatives, id: "asia-nuclear-weapon-free-zone"),
            ]))
    }

    @Test func everyParagraph_isCitedBySomeEntity() {
        for n in 1...7 { #expect(!store.mentions(inParagraph: n).isEmpty, "¶\(n) has no mention") }
    }

    @Test func externalKnowledge_isNeverInsideACitation() {
        // External facts live only in `external` fields; a citation's quote is always the text's.
        let text = String(decoding: rawText, as: UTF8.self)
        for kind in EntityKind.allCases {
            for entity in store.entities(of: kind) {
                for external in entity.external ?? [] { #expect(external.source == "external") }
                for citation in entity.allCitations() { #expect(text.contains(citation.quote)) }
            }
        }
    }
}
