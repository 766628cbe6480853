/// What one collection's query accepts beyond the shared parameters: its named filters, sort fields, field names
/// for `fields=` and relation names for `include=`. Every collection of the same kind (top level or sub-collection)
/// shares one grammar, so a parameter means the same thing everywhere.
struct CollectionGrammar: Sendable {
    struct Filter: Sendable {
        let name: String
        /// What the filter matches on, for errors and the OpenAPI document.
        let summary: String
        /// The values it accepts (ids of a kind, or an enumeration), sorted.
        let allowed: [String]
    }

    var filters: [Filter] = []
    var sortFields: [String] = []
    /// Valid `fields=` paths: top-level keys and `key.subkey` for object-valued keys.
    var fieldNames: [String] = []
    var includes: [String] = []
    /// Whether `lang` and `q` apply (entity collections); paragraphs and sources take neither `lang` nor `include`.
    var supportsLang = true
    var supportsSearch = true
    var supportsCitedIn = true
    /// A single resource takes only the shaping parameters (`fields`, `include`, `lang`, `pretty`).
    var isCollection = true

    /// `pretty` applies to every JSON answer; `/metrics` (text) takes no parameter at all.
    var acceptsPretty = true

    /// A route that takes no query parameters.
    static var none: CollectionGrammar {
        var g = CollectionGrammar()
        g.isCollection = false
        g.supportsLang = false
        g.acceptsPretty = false
        return g
    }

    var parameterNames: [String] {
        var names = isCollection ? ["limit", "offset", "sort"] : []
        // `fields` only where there are fields to name (not on the index or health answers).
        if !fieldNames.isEmpty || isCollection { names.append("fields") }
        if acceptsPretty { names.append("pretty") }
        if !includes.isEmpty { names.append("include") }
        if supportsLang { names.append("lang") }
        guard isCollection else { return names }
        if supportsSearch { names.append("q") }
        if supportsCitedIn { names.append("cited_in") }
        return names + filters.map(\.name)
    }

    /// The same grammar for one resource of the collection.
    var single: CollectionGrammar {
        var g = self
        g.isCollection = false
        return g
    }

    static let defaultLimit = 50
    static let maxLimit = 200
}
