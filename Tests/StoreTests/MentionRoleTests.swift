import TestSupport
import Testing

@testable import Store

/// A mention says what it is: the words that name its entity (`name`) or a clause cited as evidence for it
/// (`claim`), decided by `MentionRoles` from the words search knows for the entity.
@Suite struct MentionRoleTests {
    let store: Store

    init() throws {
        store = try Store.load(from: RepositoryPaths.resources.path)
    }

    func mention(_ type: EntityKind, _ id: String, _ quote: String) -> Mention? {
        (1...store.source.paragraphCount).lazy.flatMap { store.mentions(inParagraph: $0) }.first {
            $0.type == type && $0.id == id && $0.quote == quote
        }
    }

    /// Known spans of the bundled text, each read by eye.
    @Test(arguments: [
        // Names: the name, an alias with a proclitic, a kind word, a title, a generated adjective, an old name.
        (EntityKind.places, "central-asia", "آسيا الوسطى", Mention.Role.name),
        (.countries, "kz", "للدولة الفتية", .name),
        (.places, "almaty", "في مدينة ألماطى", .name),
        (.people, "nursultan-nazarbayev", "رئيس دولة كازاخستان", .name),
        (.people, "hamad-bin-khalifa-al-thani", "أمير دولة قطر السابق", .name),
        (.places, "kazakhstan-china-border", "على الحدود الكازاخستانية الصينية", .name),
        (.organizations, "oic", "منظمة المؤتمر الإسلامي", .name),
        (.organizations, "sco", "منظمة شنغهاي للتعاون", .name),
        (.places, "asia", "في قارة آسيا كلها", .name),
        // Claims: a clause that names the entity among other words, or names something else.
        (.countries, "kz", "إن كازاخستان عضو نشط في المجتمع الدولي", .claim),
        (
            .facts, "active-international-member",
            "إن كازاخستان عضو نشط في المجتمع الدولي، وتعمل بشكل فعال في الهيئات والمنظمات الأوروبية والآسيوية", .claim
        ),
        (.countries, "kz", "ومنظمة التعاون الإسلامي", .claim),
        // A fact's spans are claims, even one that is the fact's own name.
        (.facts, "second-longest-land-border", "ثاني أطول حدود برية في العالم", .claim),
        (.countries, "kz", "رئيس دولة كازاخستان", .claim),
        (.people, "nursultan-nazarbayev", "برئاسة الرئيس نور سلطان نازارباييف", .claim),
    ])
    func role(_ type: EntityKind, _ id: String, _ quote: String, _ expected: Mention.Role) throws {
        let found = try #require(mention(type, id, quote), "no mention of \(type.rawValue)/\(id) «\(quote)»")
        #expect(found.role == expected, "\(type.rawValue)/\(id) «\(quote)»")
    }

    @Test func everyMention_carriesItsEntitysName() throws {
        for n in 1...store.source.paragraphCount {
            for m in store.mentions(inParagraph: n) {
                let entity = try #require(store.entity(m.type, id: m.id))
                #expect(m.name == entity.name)
            }
        }
    }

    /// Prints every mention with its role (the log is the list read by eye) and checks both roles occur.
    @Test func everyMention_isNamedOrClaimed_andBothOccur() {
        var counts: [Mention.Role: Int] = [:]
        for n in 1...store.source.paragraphCount {
            for m in store.mentions(inParagraph: n) {
                counts[m.role, default: 0] += 1
                print(
                    "mention role \(m.role.rawValue)\t¶\(n) \(m.start)-\(m.end)\t\(m.type.rawValue)/\(m.id)\t«\(m.quote)»"
                )
            }
        }
        print("mention roles: \(counts.map { "\($0.key.rawValue) \($0.value)" }.sorted().joined(separator: ", "))")
        #expect((counts[.name] ?? 0) > 20)
        #expect((counts[.claim] ?? 0) > 20)
    }
}
