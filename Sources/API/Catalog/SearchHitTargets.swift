import JSON
import Store

/// What a search hit writes about what it found besides the match itself — its id, link and name, or its paragraph's
/// id, link and source — encoded once per catalog (`EncodedJSON`): looking the entity up in the store, building its
/// link and escaping these strings for each hit cost about 3K instructions a hit. Its `type` too (~400 instructions
/// a hit escaped per request).
struct SearchHitTargets: Sendable {
    /// A class: a hit takes one reference, not one per value.
    final class Entity: Sendable {
        let id: EncodedJSON
        let href: EncodedJSON
        /// `{"ar": …, "en": …}`; nil when the store has no such entity.
        let name: EncodedJSON?
        /// Its kind (`SearchRoute.hitType`).
        let type: EncodedJSON

        init(id: EncodedJSON, href: EncodedJSON, name: EncodedJSON?, type: EncodedJSON) {
            self.id = id
            self.href = href
            self.name = name
            self.type = type
        }
    }

    struct Paragraph: Sendable {
        let id: EncodedJSON
        let href: EncodedJSON
    }

    private let entities: [EntityReference: Entity]
    /// Paragraph n is `paragraphs[n - 1]`.
    private let paragraphs: [Paragraph]
    private let links: LinkBuilder
    private let sourceID: String
    /// The id of the source the paragraphs are in.
    let source: EncodedJSON
    /// Every paragraph's `type`.
    let paragraphType = EncodedJSON(.string(SearchRoute.hitType(.paragraph(1))))

    init(store: Store, links: LinkBuilder) {
        self.links = links
        sourceID = store.source.id
        source = EncodedJSON(.string(sourceID))
        var entities: [EntityReference: Entity] = [:]
        for kind in EntityKind.allCases {
            for entity in store.entities(of: kind) {
                entities[entity.reference] = Self.entity(entity.reference, name: entity.name, links: links)
            }
        }
        self.entities = entities
        paragraphs = store.source.paragraphs.indices.map {
            Self.paragraph($0 + 1, sourceID: store.source.id, links: links)
        }
    }

    /// Every entity the index finds is in the table; another is written the same way, when asked.
    func entity(_ ref: EntityReference) -> Entity {
        entities[ref] ?? Self.entity(ref, name: nil, links: links)
    }

    func paragraph(_ n: Int) -> Paragraph {
        paragraphs.indices.contains(n - 1) ? paragraphs[n - 1] : Self.paragraph(n, sourceID: sourceID, links: links)
    }

    private static func entity(_ ref: EntityReference, name: LocalizedText?, links: LinkBuilder) -> Entity {
        Entity(
            id: EncodedJSON(.string(ref.id)), href: EncodedJSON(.string(links.entity(ref))),
            name: name.map {
                EncodedJSON(.object([(key: "ar", value: .string($0.ar)), (key: "en", value: .string($0.en))]))
            }, type: EncodedJSON(.string(SearchRoute.hitType(.entity(ref)))))
    }

    private static func paragraph(_ n: Int, sourceID: String, links: LinkBuilder) -> Paragraph {
        Paragraph(id: EncodedJSON(.string(String(n))), href: EncodedJSON(.string(links.paragraph(sourceID, n))))
    }
}
