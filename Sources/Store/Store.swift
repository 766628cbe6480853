/// The curated dataset, loaded once and immutable afterwards: safe to read from every event
/// loop at once without locks (it is a value of `Sendable` values).
public struct Store: Sendable {
    /// Loads and validates a data directory; throws every problem found, never a partial store.
    public static func load(from directory: String) throws(StoreLoadError) -> Store {
        try StoreLoader.load(from: directory)
    }

    public let sources: [Source]
    /// sha256 hex over the data and source files' bytes; equal bytes give an equal version anywhere.
    public let datasetVersion: String
    /// Built on a background thread once asked for (`prepareSearch()`, or the first search, which then waits): it is
    /// the largest structure and no precomputed response needs it, so start-up does not wait for it.
    public var searchIndex: SearchIndex { pendingSearchIndex.value }

    /// Starts building the search index in the background, if it is not built or being built.
    public func prepareSearch() { pendingSearchIndex.start() }
    private let pendingSearchIndex: PendingSearchIndex
    /// Names people use that the text does not (`lexicon/alternate-names.json`), for search.
    public let alternateNames: [AlternateName]
    /// When the data last changed (seconds since 1970): the latest `modified` of its sources. Recorded in the data, so
    /// every replica and every restart serving the same data agrees on it (`Last-Modified`).
    public var modified: Int { sources.map(\.modifiedSince1970).max() ?? 0 }

    /// The rows of each kind, in file order; each row is its kind's model (`EntityKind.entityType`).
    private let table: [EntityKind: [any Entity]]
    private let byReference: [EntityReference: any Entity]
    private let inverse: [EntityReference: [EntityReference]]
    private let mentionsByParagraph: [Int: [Mention]]
    private let paragraphsByEntity: [EntityReference: [Int]]

    init(
        sources: [Source], entities table: [EntityKind: [any Entity]], alternateNames: [AlternateName] = [],
        datasetVersion: String
    ) {
        self.sources = sources
        self.alternateNames = alternateNames
        self.datasetVersion = datasetVersion
        self.table = table
        let all = EntityKind.allCases.flatMap { table[$0] ?? [] }
        // Ids are unique within a kind (the loader refuses duplicates); the first wins if a caller passes one anyway.
        self.byReference = Dictionary(all.map { ($0.reference, $0) }, uniquingKeysWith: { first, _ in first })

        var inverse: [EntityReference: [EntityReference]] = [:]
        var mentions: [Int: [Mention]] = [:]
        var paragraphs: [EntityReference: Set<Int>] = [:]
        let primary = sources.first?.id
        // One lexicon for both: mention roles now, the search index later on another thread.
        let lexicon = SearchLexicon(entities: all, alternateNames: alternateNames)
        let roles = MentionRoles(entities: all, lexicon: lexicon)
        for entity in all {
            for target in Set(entity.references()) { inverse[target, default: []].append(entity.reference) }
            for citation in entity.allCitations() where citation.source == primary {
                let mention = Mention(
                    type: entity.kind, id: entity.id, name: entity.name,
                    role: roles.role(of: citation.quote, for: entity.reference), paragraph: citation.paragraph,
                    start: citation.start, end: citation.end, quote: citation.quote)
                mentions[citation.paragraph, default: []].append(mention)
                paragraphs[entity.reference, default: []].insert(citation.paragraph)
            }
        }
        self.inverse = inverse.mapValues { $0.sorted() }
        // Sorted by start, then end (so of two spans from one offset the shorter, inner one comes first), kind and id:
        // the order never depends on hashing, and a page nesting the spans can rely on it.
        self.mentionsByParagraph = mentions.mapValues { list in
            Array(Set(list)).sorted {
                ($0.start, $0.end, $0.type.order, $0.id) < ($1.start, $1.end, $1.type.order, $1.id)
            }
        }
        self.paragraphsByEntity = paragraphs.mapValues { $0.sorted() }
        let mentionsByParagraph = self.mentionsByParagraph
        self.pendingSearchIndex = PendingSearchIndex {
            SearchIndex(entities: all, lexicon: lexicon, sources: sources, mentions: mentionsByParagraph)
        }
    }

    // MARK: - Lookups

    /// The primary (first, by id) source document.
    public var source: Source {
        // Loading fails without at least one valid source, so a loaded store always has one.
        sources[0]
    }

    /// The entities of one kind, in file order.
    public func entities(of kind: EntityKind) -> [any Entity] { table[kind] ?? [] }

    /// The entities of one kind as their model type, in file order.
    public func entities<E: Entity>(of type: E.Type) -> [E] { entities(of: E.kind).compactMap { $0 as? E } }

    public func entity(_ kind: EntityKind, id: String) -> (any Entity)? { entity(EntityReference(type: kind, id: id)) }

    public func entity(_ reference: EntityReference) -> (any Entity)? { byReference[reference] }

    /// Countries whose memberships name the organization (the inverse of `Country.memberships`).
    public func members(of organizationID: String) -> [Country] {
        entities(of: Country.self).filter { $0.memberships.contains { $0.organization == organizationID } }
    }

    /// Every entity whose relations point at `reference`, sorted by kind then id.
    public func referencing(_ reference: EntityReference) -> [EntityReference] {
        inverse[reference] ?? []
    }

    /// Every cited span in paragraph `n` of the primary source, sorted by start, then end, kind and id.
    public func mentions(inParagraph n: Int) -> [Mention] {
        mentionsByParagraph[n] ?? []
    }

    /// The paragraphs of the primary source that cite the entity, ascending.
    public func citingParagraphs(_ reference: EntityReference) -> [Int] {
        paragraphsByEntity[reference] ?? []
    }
}
