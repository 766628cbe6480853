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
    /// Paragraphs that cite it, for `cited_in=`.
    let citedIn: [Int]
    /// The representation with every offset in UTF-16 units (`offsets=utf16`), made once at start-up; nil when it
    /// is the same as `representation` (no character outside the Basic Multilingual Plane precedes an offset).
    private(set) var utf16Representation: JSONValue?
    /// The representation with every `{ar, en}` collapsed, Arabic then English (`lang=`), or empty when the row
    /// is built per request (a search hit, or a row measured in UTF-16), which localizes only what it serves.
    private var localized: [JSONValue]

    /// `localizeNow`: prepare the `lang=` forms here, for rows built once and served many times.
    init(
        ref: EntityReference?, representation: JSONValue, filterValues: [String: [String]],
        sortKeys: [String: SortKey], citedIn: [Int], utf16Representation: JSONValue? = nil, localizeNow: Bool = true
    ) {
        self.ref = ref
        self.representation = representation
        self.filterValues = filterValues
        self.sortKeys = sortKeys
        self.citedIn = citedIn
        self.utf16Representation = utf16Representation
        localized =
            localizeNow
            ? [Localizer.localize(representation, to: .ar), Localizer.localize(representation, to: .en)] : []
    }

    /// This row as served in `unit`: what rendering starts from, so `lang`, `fields` and `include` shape either.
    func measured(in unit: OffsetUnit) -> CollectionItem {
        guard unit == .utf16, let utf16Representation else { return self }
        var row = self
        row.representation = utf16Representation
        row.localized = []  // the prepared forms are the scalar ones; these few rows localize per request
        return row
    }

    /// The row in one language (`lang=`), or in both (nil).
    func representation(in lang: CollectionQuery.Language?) -> JSONValue {
        guard let lang else { return representation }
        if localized.isEmpty { return Localizer.localize(representation, to: lang) }
        return localized[lang == .ar ? 0 : 1]
    }

    /// Its id (`id=`): the entity's, or the `id` member of a source, paragraph or hit.
    var id: String? { ref?.id ?? representation["id"]?.stringValue }
}
