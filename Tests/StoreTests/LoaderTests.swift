import Foundation
import Testing

@testable import Store

/// Loading the small valid fixture and the lookups a loaded store offers.
@Suite struct LoaderTests {
    let store: Store

    init() throws {
        store = try Store.load(from: ValidFixture.path)
    }

    @Test func validFixture_loadsEveryCollectionInFileOrder() {
        #expect(store.entities(of: Country.self).map(\.id) == ["kz", "qa"])
        #expect(store.entities(of: Organization.self).map(\.id) == ["un"])
        #expect(store.entities(of: Visit.self).map(\.id) == ["emir-visit"])
        #expect(store.entities(of: Initiative.self).map(\.id) == ["almaty-initiative"])
        #expect(store.entities(of: Person.self).map(\.id) == ["emir"])
        #expect(store.entities(of: Place.self).map(\.id) == ["almaty"])
        #expect(store.entities(of: Event.self).map(\.id) == ["visit-2002"])
        #expect(store.entities(of: Declaration.self).map(\.id) == ["almaty-declaration"])
        #expect(store.entities(of: Fact.self).map(\.id) == ["joined-un"])
        #expect(EntityKind.allCases.allSatisfy { !store.entities(of: $0).isEmpty })
    }

    @Test func source_hasParagraphsAndMetadata() throws {
        let text = try String(contentsOfFile: ValidFixture.path + "/sources/fixture-doc.txt", encoding: .utf8)
        #expect(store.source.id == "fixture-doc")
        #expect(store.source.language == "ar")
        #expect(store.source.paragraphs == text.components(separatedBy: "\n"))
        #expect(store.source.paragraphCount == 2)
        #expect(store.source.sha256 == SHA256.hex(Array(text.utf8)))
        #expect(store.source.paragraph(0) == nil && store.source.paragraph(3) == nil)
    }

    @Test func typedFields_areDecoded() throws {
        let visit = try #require(store.entities(of: Visit.self).first)
        #expect(
            visit.visitor == "emir" && visit.hostCountry == "kz" && visit.visitorCountry == "qa"
                && visit.city == "almaty")
        #expect(visit.visitorTitle.en == "Emir of Qatar")
        let event = try #require(store.entities(of: Event.self).first)
        #expect(event.date == EventDate(value: "2002-06", precision: .month))
        #expect(event.outcomes.first?.result == EntityReference(type: .declarations, id: "almaty-declaration"))
        #expect(store.entities(of: Place.self).first?.external?.first?.source == "external")
        #expect(store.entities(of: Declaration.self).first?.interpretations?.first?.likely.en == "act")
        #expect(store.entities(of: Fact.self).first?.quantity?.qualifier == .exactly)
    }

    @Test func entityLookup_byKindAndID() {
        #expect(store.entity(.countries, id: "qa")?.name.en == "Qatar")
        #expect(store.entity(.countries, id: "zz") == nil)
        #expect(store.entity(.organizations, id: "qa") == nil)
        #expect(store.entity(EntityReference(type: .people, id: "emir"))?.kind == .people)
    }

    @Test func members_isTheInverseOfMemberships() {
        #expect(store.members(of: "un").map(\.id) == ["kz"])
        #expect(store.members(of: "nato").isEmpty)
    }

    @Test func referencing_listsEveryEntityPointingAtTarget() {
        #expect(
            store.referencing(EntityReference(type: .countries, id: "kz")) == [
                EntityReference(type: .visits, id: "emir-visit"),
                EntityReference(type: .initiatives, id: "almaty-initiative"),
                EntityReference(type: .places, id: "almaty"),
                EntityReference(type: .facts, id: "joined-un"),
            ])
        #expect(
            store.referencing(EntityReference(type: .organizations, id: "un")) == [
                EntityReference(type: .countries, id: "kz"),
                EntityReference(type: .initiatives, id: "almaty-initiative"),
            ])
    }

    @Test func mentions_coverEveryCitationInTheParagraph_sortedByStart() {
        let mentions = store.mentions(inParagraph: 1)
        #expect(mentions.map(\.start) == mentions.map(\.start).sorted())
        let paragraph = Array(store.source.paragraphs[0].unicodeScalars)
        for mention in mentions {
            #expect(String(String.UnicodeScalarView(paragraph[mention.start..<mention.end])) == mention.quote)
        }
        // The person, the role, the participant and the country each cite ¶1.
        #expect(
            Set(mentions.map { "\($0.type.rawValue)/\($0.id)" }).isSuperset(of: [
                "people/emir", "countries/qa", "visits/emir-visit", "events/visit-2002",
            ]))
        #expect(store.mentions(inParagraph: 99).isEmpty)
    }

    @Test func citingParagraphs_includesNestedRelationCitations() {
        // kz cites ¶1 itself and ¶2 through its UN membership.
        #expect(store.citingParagraphs(EntityReference(type: .countries, id: "kz")) == [1, 2])
        #expect(store.citingParagraphs(EntityReference(type: .organizations, id: "un")) == [2])
    }

    @Test func datasetVersion_isStableAcrossLoads_andChangesWithTheBytes() throws {
        let again = try Store.load(from: ValidFixture.path)
        #expect(store.datasetVersion == again.datasetVersion)
        #expect(store.datasetVersion.count == 64)
        let fixture = try FixtureCopy()
        try fixture.replace(
            "data/organizations.json", "\"en\": \"An organization.\"", with: "\"en\": \"An organisation.\"")
        #expect(try Store.load(from: fixture.root).datasetVersion != store.datasetVersion)
    }

    @Test func storeIsSendable_andReadableFromManyTasksAtOnce() async {
        let store = self.store
        let counts = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask { store.searchIndex.search("قطر").count + store.mentions(inParagraph: 1).count }
            }
            return await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(Set(counts).count == 1)
    }
}
