import Store

/// The light10 baseline: an entity scores the number of distinct query stems found among the stems of its names,
/// aliases and descriptions (both languages). Ties go to more stems matched in names and aliases, then to the
/// entity's place in the store. Nothing else: no phrase, prefix, typo or ranking tiers.
struct Light10Search: Sendable {
    private struct Entry: Sendable {
        var reference: EntityReference
        /// Stems of the name, aliases and description.
        var all: Set<String>
        /// Stems of the name and aliases alone.
        var names: Set<String>
    }

    private let entries: [Entry]

    init(entities: [any Entity]) {
        entries = entities.map { entity in
            let names = (entity.name.all + entity.aliases.all).flatMap { Light10.stems($0.text) }
            let descriptions = entity.description.all.flatMap { Light10.stems($0.text) }
            return Entry(reference: entity.reference, all: Set(names + descriptions), names: Set(names))
        }
    }

    /// Entities with at least one query stem, best first.
    func rank(_ query: String) -> [EntityReference] {
        var seen = Set<String>()
        let stems = Light10.stems(query).filter { seen.insert($0).inserted }
        let scored = entries.enumerated().compactMap { order, entry -> (score: Int, names: Int, order: Int)? in
            let score = stems.filter(entry.all.contains).count
            return score == 0 ? nil : (score, stems.filter(entry.names.contains).count, order)
        }
        return scored.sorted { ($1.score, $1.names, $0.order) < ($0.score, $0.names, $1.order) }.map {
            entries[$0.order].reference
        }
    }
}

extension SearchUnderTest {
    static func light10(_ store: Store) -> SearchUnderTest {
        let search = Light10Search(entities: EntityKind.allCases.flatMap { store.entities(of: $0) })
        return SearchUnderTest(name: "light10") { search.rank($0) }
    }
}
