import JSON
import Store

/// One row of a collection, prepared at startup: its full representation and everything queries look at, so a
/// request filters, sorts and projects without touching the store's models.
struct CollectionItem: Sendable {
    /// The entity, or nil for a paragraph or source row.
    let ref: EntityReference?
    let representation: JSONValue
    /// Filter name → the values this row has for it.
    let filterValues: [String: [String]]
    let sortKeys: [String: SortKey]
    /// For `lang=`: the flat label and description in each language.
    let name: LocalizedText?
    let description: LocalizedText?
    /// Paragraphs that cite it, for `cited_in=`.
    let citedIn: [Int]
}
