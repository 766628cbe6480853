import JSON
import Store

/// Everything the routes serve, prepared once at startup from the immutable store: each entity's representation,
/// each collection's rows and grammar, the relations between entities, and the source's paragraphs.
struct Catalog: Sendable {
    let store: Store
    let links: LinkBuilder
    let representer: EntityRepresenter
    /// Rows per kind, in the curated (file) order.
    let items: [EntityKind: [CollectionItem]]
    let itemsByRef: [EntityReference: CollectionItem]
    /// Sub-collection name → the kind it lists, per parent kind. Derived from the data: a name exists where the
    /// data relates the two kinds.
    let relationNames: [EntityKind: [(name: String, kind: EntityKind)]]
    let grammars: [EntityKind: CollectionGrammar]
    /// Every id of every kind, for filters that take any id.
    let allIDs: [String]
    /// Alpha-3 (uppercase) → alpha-2 id, for redirects.
    let countryByAlpha3: [String: String]
    let sourceCatalog: SourceCatalog
    /// Each paragraph's scalar-to-UTF-16 table, by source id (`offsets=utf16` for search hits, made per request).
    let paragraphOffsets: [String: [UTF16Offsets]]
    /// What search hits write about the entities and paragraphs they found, encoded once.
    let hitTargets: SearchHitTargets

    /// The sub-collection of countries under an organization is called `members`: that is what the relation means.
    static func relationName(parent: EntityKind, target: EntityKind) -> String {
        parent == .organizations && target == .countries ? "members" : target.rawValue
    }

    init(store: Store, links: LinkBuilder) throws {
        self.store = store
        self.links = links
        let representer = EntityRepresenter(links: links, sourceID: store.source.id)
        self.representer = representer

        // Relations: outgoing references and incoming ones, grouped by the related kind.
        var relationKinds: [EntityKind: Set<EntityKind>] = [:]
        for kind in EntityKind.allCases {
            for entity in store.entities(of: kind) {
                for target in Catalog.related(entity.reference, in: store).map(\.type) {
                    relationKinds[kind, default: []].insert(target)
                }
            }
        }
        var relationNames: [EntityKind: [(name: String, kind: EntityKind)]] = [:]
        for kind in EntityKind.allCases {
            relationNames[kind] = (relationKinds[kind] ?? []).sorted().map {
                (Catalog.relationName(parent: kind, target: $0), $0)
            }
        }
        self.relationNames = relationNames

        let paragraphOffsets = UTF16Offsets.paragraphs(of: store)
        self.paragraphOffsets = paragraphOffsets
        var items: [EntityKind: [CollectionItem]] = [:]
        var itemsByRef: [EntityReference: CollectionItem] = [:]
        for kind in EntityKind.allCases {
            let filters = kind.descriptor.filters
            var rows: [CollectionItem] = []
            for entity in store.entities(of: kind) {
                let cited = store.citingParagraphs(entity.reference)
                let stored = try JSONValue(encoding: entity)
                let representation = representer.represent(
                    entity, stored: stored, citedIn: cited, relations: (relationNames[kind] ?? []).map(\.name))
                var values: [String: [String]] = [:]
                for filter in filters { values[filter.name] = filter.values(of: entity, in: store) }
                let row = CollectionItem(
                    ref: entity.reference, representation: representation, filterValues: values,
                    sortKeys: RowSortKeys.keys(for: entity, stored: stored), citedIn: cited,
                    utf16Representation: UTF16Offsets.converting(representation, paragraphs: paragraphOffsets))
                rows.append(row)
                itemsByRef[entity.reference] = row
            }
            items[kind] = rows
        }
        self.items = items
        self.itemsByRef = itemsByRef

        let allIDs = Array(Set(itemsByRef.keys.map(\.id))).sorted()
        self.allIDs = allIDs
        let countryByAlpha3 = Dictionary(
            store.entities(of: Country.self).map { ($0.alpha3.uppercased(), $0.id) }, uniquingKeysWith: { a, _ in a })
        self.countryByAlpha3 = countryByAlpha3
        grammars = Catalog.grammars(
            store: store, items: items, relationNames: relationNames, allIDs: allIDs, alpha3: countryByAlpha3)
        sourceCatalog = SourceCatalog(store: store, links: links, allIDs: allIDs, offsets: paragraphOffsets)
        hitTargets = SearchHitTargets(store: store, links: links)
    }

    /// Each kind's grammar: its descriptor's filters and sort fields, the field names its rows have, its relations
    /// for `include` (and `fields[type]` for the kinds they bring in), and its ids for `id=`.
    private static func grammars(
        store: Store, items: [EntityKind: [CollectionItem]],
        relationNames: [EntityKind: [(name: String, kind: EntityKind)]],
        allIDs: [String], alpha3: [String: String]
    ) -> [EntityKind: CollectionGrammar] {
        var grammars: [EntityKind: CollectionGrammar] = [:]
        for kind in EntityKind.allCases {
            var grammar = CollectionGrammar()
            grammar.filters = kind.descriptor.filters.map { f in
                let allowed: [String]
                let vocabulary: CollectionGrammar.Filter.Vocabulary
                switch f.values {
                case .ids(let k): (allowed, vocabulary) = (store.entities(of: k).map(\.id).sorted(), .entityIDs)
                case .anyID: (allowed, vocabulary) = (allIDs, .entityIDs)
                case .enumeration(let values): (allowed, vocabulary) = (values.sorted(), .closed)
                }
                return CollectionGrammar.Filter(
                    name: f.name, summary: f.summary, allowed: allowed, vocabulary: vocabulary)
            }
            grammar.sortFields = ["id", "name.ar", "name.en"] + kind.descriptor.sortFields
            grammar.fieldNames = Catalog.fieldNames(of: (items[kind] ?? []).map(\.representation))
            grammar.includes = (relationNames[kind] ?? []).map(\.name)
            grammar.givesOffsets = true  // citations
            let ids = (items[kind] ?? []).compactMap(\.ref?.id)
            grammar.setIDs(ids, aliases: kind == .countries ? alpha3.map { ($0.key, $0.value) } : [])
            grammars[kind] = grammar
        }
        let fieldNames = grammars.mapValues(\.fieldNames)
        for kind in EntityKind.allCases {
            let targets = Set((relationNames[kind] ?? []).map(\.kind)).sorted()
            grammars[kind]?.typedFieldNames = targets.map { ($0.rawValue, fieldNames[$0] ?? []) }
        }
        return grammars
    }

    /// The entities related to `ref`: what it points at, then what points at it; each once, in that order.
    static func related(_ ref: EntityReference, in store: Store) -> [EntityReference] {
        var seen: Set<EntityReference> = [ref]
        var out: [EntityReference] = []
        let outgoing = store.entity(ref)?.references() ?? []
        for r in outgoing + store.referencing(ref) where seen.insert(r).inserted {
            out.append(r)
        }
        return out
    }

    /// Rows of the sub-collection `name` of `ref`, or nil when the kind has no such relation.
    func relatedItems(_ ref: EntityReference, _ name: String) -> [CollectionItem]? {
        guard let target = relationNames[ref.type]?.first(where: { $0.name == name })?.kind else { return nil }
        return Catalog.related(ref, in: store).filter { $0.type == target }.compactMap { itemsByRef[$0] }
    }

    func relationKind(of parent: EntityKind, named name: String) -> EntityKind? {
        relationNames[parent]?.first { $0.name == name }?.kind
    }

    /// `key` and `key.sub` (for object-valued keys) over every representation, sorted.
    private static func fieldNames(of representations: [JSONValue]) -> [String] {
        var names: Set<String> = []
        for case .object(let members) in representations {
            for (key, value) in members {
                names.insert(key)
                if case .object(let sub) = value { for s in sub { names.insert("\(key).\(s.key)") } }
            }
        }
        return names.sorted()
    }
}
