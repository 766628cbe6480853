import Store

/// A search as the evaluation sees it: a query in, entities out, best first. Paragraph hits are not entities and are
/// left out; only the first ten count.
struct SearchUnderTest: Sendable {
    var name: String
    var rank: @Sendable (String) -> [EntityReference]

    /// The search the store serves (`/search`): today's, and the new one once it replaces it. The one place that
    /// knows its signature.
    static func current(_ store: Store) -> SearchUnderTest {
        SearchUnderTest(name: "current") { query in
            store.searchIndex.search(query, includeParagraphs: false, limit: 10).compactMap { hit in
                if case .entity(let reference) = hit.target { return reference }
                return nil
            }
        }
    }
}
