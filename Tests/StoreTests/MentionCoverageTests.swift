import TestSupport
import Testing

@testable import Store

/// Every naming of an entity is a mention: wherever the text names an entity (its name or an alias, as
/// `NamingFinder` matches them), one of the entity's own citations covers that span, or the entity lists it in
/// `uncited_mentions` with the reason it is not about the entity (the President's first name «نور سلطان» is not the
/// city). Without the rule, `/countries?cited_in=4` missed Kazakhstan, which ¶4 names.
@Suite struct MentionCoverageTests {
    let store: Store
    let finder: NamingFinder

    init() throws {
        store = try Store.load(from: RepositoryPaths.resources.path)
        finder = NamingFinder(paragraphs: store.source.paragraphs)
    }

    /// What one entity's namings come to; printed per entity, so the coverage shows in the test log.
    struct Coverage {
        var found = 0
        var covered = 0
        var excluded = 0
        var uncited: [NamingFinder.Naming] = []
    }

    /// Every name of the entity: its name and aliases, in both languages.
    static func names(of entity: any Entity) -> [String] {
        [entity.name.ar, entity.name.en] + entity.aliases.ar + entity.aliases.en
    }

    func coverage(of entity: any Entity) -> Coverage {
        let citations = entity.allCitations().filter { $0.source == store.source.id }
        let excluded = Set((entity.uncitedMentions ?? []).map { NamingFinder.Naming(mention: $0) })
        var result = Coverage()
        for naming in finder.namings(of: Self.names(of: entity)) {
            result.found += 1
            if citations.contains(where: { naming.lies(within: $0.paragraph, $0.start, $0.end) }) {
                result.covered += 1
            } else if excluded.contains(naming) {
                result.excluded += 1
            } else {
                result.uncited.append(naming)
            }
        }
        return result
    }

    @Test func everyNamingOfAnEntity_isInsideOneOfItsCitations_orListedAsUncitedWithAReason() {
        var total = Coverage()
        for kind in EntityKind.allCases {
            for entity in store.entities(of: kind) {
                let c = coverage(of: entity)
                let label = "\(kind.rawValue)/\(entity.id)"
                if c.found > 0 {
                    print("naming coverage \(label): \(c.found) found, \(c.covered) covered, \(c.excluded) excluded")
                }
                for naming in c.uncited {
                    Issue.record(
                        "\(label): \(naming) «\(finder.quote(naming))» names it, but no citation of it covers the span: cite it, or list it in uncited_mentions with a reason"
                    )
                }
                total.found += c.found
                total.covered += c.covered
                total.excluded += c.excluded
            }
        }
        print(
            "naming coverage, all entities: \(total.found) found, \(total.covered) covered, \(total.excluded) excluded")
        #expect(total.found > 50)
    }

    @Test func everyUncitedMention_isANamingOfItsEntity_thatNoCitationCovers() {
        // A stale entry (the naming is now cited, or was never one) would hide nothing and mislead a reader.
        for kind in EntityKind.allCases {
            for entity in store.entities(of: kind) {
                let namings = Set(finder.namings(of: Self.names(of: entity)))
                for mention in entity.uncitedMentions ?? [] {
                    let naming = NamingFinder.Naming(mention: mention)
                    let label = "\(kind.rawValue)/\(entity.id) uncited_mentions \(naming)"
                    #expect(mention.source == store.source.id, "\(label): not the source text")
                    #expect(namings.contains(naming), "\(label) is not a naming of the entity")
                    #expect(
                        !entity.allCitations().contains { naming.lies(within: $0.paragraph, $0.start, $0.end) },
                        "\(label) is covered by a citation")
                }
            }
        }
    }

    @Test func anUncitedMention_isNotAMention() {
        // «نور سلطان» in ¶1 is the President's first name: the paragraph mentions him, not the city.
        let ids = store.mentions(inParagraph: 1).map(\.id)
        #expect(ids.contains("nursultan-nazarbayev"))
        #expect(!ids.contains("astana"))
    }

    @Test func kazakhstan_isCitedInEveryParagraphThatNamesIt() throws {
        let kz = try #require(store.entity(.countries, id: "kz"))
        let named = Set(finder.namings(of: [kz.name.ar]).map(\.paragraph))
        #expect(named == [1, 2, 4, 5, 6, 7])
        #expect(Set(store.citingParagraphs(kz.reference)).isSuperset(of: named))
    }
}

extension NamingFinder.Naming {
    init(mention: UncitedMention) {
        self.init(paragraph: mention.paragraph, start: mention.start, end: mention.end)
    }
}
