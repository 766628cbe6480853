import JSON
import Store

/// One row of a collection, prepared at startup: its full representation and everything queries look at, so a
/// request filters, sorts and projects without touching the store's models.
struct CollectionItem: Sendable {
    /// The entity, or nil for a paragraph or source row.
    let ref: EntityReference?
    private(set) var representation: JSONValue
    /// Filter name → the values this row has for it.
    let filterValues: [String: [String]]
    let sortKeys: [String: SortKey]
    /// For `lang=`: the flat label and description in each language.
    let name: LocalizedText?
    let description: LocalizedText?
    /// Paragraphs that cite it, for `cited_in=`.
    let citedIn: [Int]
    /// The representation with every offset in UTF-16 units (`offsets=utf16`), made once at start-up; nil when it
    /// is the same as `representation` (no character outside the Basic Multilingual Plane precedes an offset).
    var utf16Representation: JSONValue? = nil

    /// This row as served in `unit`: what rendering starts from, so `lang`, `fields` and `include` shape either.
    func measured(in unit: OffsetUnit) -> CollectionItem {
        guard unit == .utf16, let utf16Representation else { return self }
        var row = self
        row.representation = utf16Representation
        return row
    }
}
