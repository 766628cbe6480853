/// The curated dataset, loaded once and immutable afterwards: safe to read from every event
/// loop at once without locks (it is a value of `Sendable` values).
public struct Store: Sendable {
    /// The typed rows of each collection, in file order.
    struct Collections: Sendable {
        var countries: [Country] = []
        var organizations: [Organization] = []
        var visits: [Visit] = []
        var initiatives: [Initiative] = []
        var people: [Person] = []
        var places: [Place] = []
        var events: [Event] = []
        var declarations: [Declaration] = []
        var facts: [Fact] = []
    }

    /// Loads and validates a data directory; throws every problem found, never a partial store.
    public static func load(from directory: String) throws(StoreLoadError) -> Store {
        try StoreLoader.load(from: directory)
    }

    public let sources: [Source]
    public let countries: [Country]
    public let organizations: [Organization]
    public let visits: [Visit]
    public let initiatives: [Initiative]
    public let people: [Person]
    public let places: [Place]
    public let events: [Event]
    public let declarations: [Declaration]
    public let facts: [Fact]
    /// sha256 hex over the data and source files' bytes; equal bytes give an equal version anywhere.
    public let datasetVersion: String
    public let searchIndex: SearchIndex

    private let table: [EntityKind: [any Entity]]
    private let byID: [EntityKind: [String: Int]]
    private let inverse: [EntityReference: [EntityReference]]
    private let mentionsByParagraph: [Int: [Mention]]
    private let paragraphsByEntity: [EntityReference: [Int]]

    init(sources: [Source], collections: Collections, datasetVersion: String) {
        self.sources = sources
        countries = collections.countries
        organizations = collections.organizations
        visits = collections.visits
        initiatives = collections.initiatives
        people = collections.people
        places = collections.places
        events = collections.events
        declarations = collections.declarations
        facts = collections.facts
        self.datasetVersion = datasetVersion

        let all = EntityKind.allCases.flatMap { Self.entities(of: $0, in: collections) }
        var byID: [EntityKind: [String: Int]] = [:]
        var table: [EntityKind: [any Entity]] = [:]
        for kind in EntityKind.allCases {
            let list = Self.entities(of: kind, in: collections)
            table[kind] = list
            byID[kind] = Dictionary(list.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        }
        self.byID = byID
        self.table = table

        var inverse: [EntityReference: [EntityReference]] = [:]
        var mentions: [Int: [Mention]] = [:]
        var paragraphs: [EntityReference: Set<Int>] = [:]
        let primary = sources.first?.id
        for entity in all {
            for target in Set(entity.references()) { inverse[target, default: []].append(entity.reference) }
            for citation in entity.allCitations() where citation.source == primary {
                let mention = Mention(
                    type: entity.kind, id: entity.id, paragraph: citation.paragraph,
                    start: citation.start, end: citation.end, quote: citation.quote)
                mentions[citation.paragraph, default: []].append(mention)
                paragraphs[entity.reference, default: []].insert(citation.paragraph)
            }
        }
        self.inverse = inverse.mapValues { $0.sorted() }
        // Sorted by start, then end, kind and id, so the order never depends on hashing.
        self.mentionsByParagraph = mentions.mapValues { list in
            Array(Set(list)).sorted {
                ($0.start, $0.end, $0.type.order, $0.id) < ($1.start, $1.end, $1.type.order, $1.id)
            }
        }
        self.paragraphsByEntity = paragraphs.mapValues { $0.sorted() }
        self.searchIndex = SearchIndex(entities: all, sources: sources)
    }

    private static func entities(of kind: EntityKind, in c: Collections) -> [any Entity] {
        switch kind {
        case .countries: return c.countries
        case .organizations: return c.organizations
        case .visits: return c.visits
        case .initiatives: return c.initiatives
        case .people: return c.people
        case .places: return c.places
        case .events: return c.events
        case .declarations: return c.declarations
        case .facts: return c.facts
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

    public func entity(_ kind: EntityKind, id: String) -> (any Entity)? {
        guard let index = byID[kind]?[id], let list = table[kind] else { return nil }
        return list[index]
    }

    public func entity(_ reference: EntityReference) -> (any Entity)? { entity(reference.type, id: reference.id) }

    /// Countries whose memberships name the organization (the inverse of `Country.memberships`).
    public func members(of organizationID: String) -> [Country] {
        countries.filter { $0.memberships.contains { $0.organization == organizationID } }
    }

    /// Every entity whose relations point at `reference`, sorted by kind then id.
    public func referencing(_ reference: EntityReference) -> [EntityReference] {
        inverse[reference] ?? []
    }

    /// Every cited span in paragraph `n` of the primary source, sorted by start offset.
    public func mentions(inParagraph n: Int) -> [Mention] {
        mentionsByParagraph[n] ?? []
    }

    /// The paragraphs of the primary source that cite the entity, ascending.
    public func citingParagraphs(_ reference: EntityReference) -> [Int] {
        paragraphsByEntity[reference] ?? []
    }
}
