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
        /// Whether `allowed` is today's entity ids or a closed vocabulary: the OpenAPI document lists a vocabulary
        /// as an enum but gives ids as strings with examples, so a client generated today works with other data.
        let vocabulary: Vocabulary

        enum Vocabulary: Sendable { case entityIDs, closed }
    }

    var filters: [Filter] = []
    var sortFields: [String] = []
    /// Valid `fields=` paths: top-level keys and `key.subkey` for object-valued keys.
    var fieldNames: [String] = []
    var includes: [String] = []
    /// `fields[<type>]=`: for each collection `include=` can bring in (by its type name), its valid field names.
    var typedFieldNames: [(type: String, names: [String])] = []
    /// What `id=` accepts: every id of the collection's rows, sorted (empty: the route takes no `id`).
    var ids: [String] = []
    /// Other spellings `id=` accepts, as a path does: another letter case, a country's alpha-3 code (lower-cased
    /// spelling → canonical id).
    var idAliases: [String: String] = [:]
    /// Whether `lang` and `q` apply; sources take no `q`, nothing but entities takes `include`.
    var supportsLang = true
    var supportsSearch = true
    var supportsCitedIn = true
    /// Whether its answers carry text offsets (citations, mentions, search matches), so `offsets=` chooses their unit.
    var givesOffsets = false
    /// A single resource takes only the shaping parameters (`fields`, `include`, `lang`, `pretty`).
    var isCollection = true

    /// `pretty` applies to every JSON answer; `/metrics` (text) takes no parameter at all.
    var acceptsPretty = true
    /// Whether `q` must be given (`/search`): its absence is a 400 like any invalid parameter.
    var requiresQ = false

    /// A route that takes no query parameters (`/metrics`).
    static var noParameters: CollectionGrammar {
        var g = CollectionGrammar()
        g.isCollection = false
        g.supportsLang = false
        g.acceptsPretty = false
        return g
    }

    /// A JSON resource that is not a collection and has nothing to shape (the index, the probes, the OpenAPI
    /// document): it takes only `pretty`.
    static var prettyOnly: CollectionGrammar {
        var g = CollectionGrammar()
        g.isCollection = false
        g.supportsLang = false
        return g
    }

    /// The shared parameters it accepts, in their declaration order.
    var parameters: [QueryParameter] { QueryParameter.allCases.filter { $0.isAccepted(by: self) } }

    /// Every parameter name it accepts: the shared ones, `fields[type]` for each type it can include, then (on a
    /// collection) its filters.
    var parameterNames: [String] {
        parameters.map(\.rawValue) + typedFieldNames.map { CollectionGrammar.typedFieldsName($0.type) }
            + (isCollection ? filters.map(\.name) : [])
    }

    /// `fields[countries]`: the name of the sparse fieldset parameter for one type (JSON:API's spelling).
    static func typedFieldsName(_ type: String) -> String { "fields[\(type)]" }

    /// The type a `fields[type]` name names, or nil when the name is not of that form.
    static func typedFieldsType(_ name: String) -> String? {
        guard name.hasPrefix("fields["), name.hasSuffix("]"), name.count > 8 else { return nil }
        return String(name.dropFirst(7).dropLast())
    }

    /// `id=` takes `ids` as they are, in another letter case, and each alias (`(spelling, id)`, matched in any
    /// letter case).
    mutating func setIDs(_ ids: [String], aliases: [(String, String)] = []) {
        self.ids = ids.sorted()
        var map: [String: String] = [:]
        for (alias, id) in aliases { map[alias.lowercased()] = id }
        for id in ids {
            map[id.lowercased()] = id
            map[id] = id
        }
        idAliases = map
    }

    /// A resource with localized text and nothing else to shape (the index: its `description`): `pretty` and `lang`.
    static var localizedOnly: CollectionGrammar {
        var g = prettyOnly
        g.supportsLang = true
        return g
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
