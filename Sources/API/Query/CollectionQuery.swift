import JSON

/// A collection request's query, validated against the collection's grammar. Every problem is collected, so one
/// 400 names every bad parameter at once; nothing unknown is ever silently ignored.
struct CollectionQuery: Sendable {
    enum Language: String, Sendable, CaseIterable { case ar, en }

    var limit = CollectionGrammar.defaultLimit
    var offset = 0
    var sort: [(field: String, descending: Bool)] = []
    var fields: [String]?
    var include: [String] = []
    var lang: Language?
    var q: String?
    var citedIn: Set<Int>?
    /// The unit the request asked its offsets in; nil: not asked (Unicode scalars, and no `meta.offsets`).
    var offsets: OffsetUnit?
    var filters: [(name: String, values: Set<String>)] = []
    /// `id=`: the rows to fetch, canonical ids in the order given (each once).
    var ids: [String]?
    /// `fields[type]=`: the fields kept of each included entity of that type.
    var typedFields: [String: [String]] = [:]
    var pretty = false
    /// Every parameter but `limit` and `offset`, ordered by name (`QueryString.ordered`), for the pagination links:
    /// links echo the query, and equivalent spellings of it must get the same bytes (the response cache serves one
    /// answer to all of them).
    var linkPairs: [(String, String)] = []

    /// `{"offsets": unit}`, for `meta`, when the request named the unit of its offsets (nothing otherwise, so the
    /// default answers keep their bytes): a client can check what it got.
    var offsetsMeta: [(key: String, value: JSONValue)] {
        offsets.map { [(key: Self.offsetsKey.name, value: .string($0.rawValue))] } ?? []
    }
    /// The key of `offsetsMeta`'s member (a collection's `meta` writes it with `PageEnvelope`).
    static let offsetsKey = JSONKey("offsets")

    /// A single resource's `meta` member (only `offsets`, only when asked), to append to its body.
    var singleMeta: [(key: String, value: JSONValue)] {
        offsetsMeta.isEmpty ? [] : [(key: "meta", value: .object(offsetsMeta))]
    }

    static let maxOffset = 1_000_000
    static let maxSearchLength = 200

    /// `known`: `grammar.parameterNames`, which a route lists once.
    static func parse(_ query: QueryString, grammar: CollectionGrammar, known: [String], paragraphCount: Int) -> Result<
        CollectionQuery, ParameterErrors
    > {
        var parser = Parser(grammar: grammar, paragraphCount: paragraphCount)
        for (name, values) in query.grouped {
            guard known.contains(name) else {
                parser.reject(name, unknownName(name, grammar: grammar, known: known))
                continue
            }
            let parameter = QueryParameter(rawValue: name)
            guard values.count == 1 || parameter?.isList != false else {
                parser.reject(name, "'\(name)' takes one value; it is given \(values.count) times.")
                continue
            }
            // A list given several times is its comma list, so both spellings get the same answer and links.
            let value = values.joined(separator: ",")
            if parameter != .limit && parameter != .offset {
                parser.result.linkPairs.append((name, value))
            }
            if let parameter {
                parser.apply(parameter, value)
            } else if let filter = grammar.filters.first(where: { $0.name == name }) {
                parser.applyFilter(filter, value)
            } else if let type = CollectionGrammar.typedFieldsType(name) {
                parser.applyTypedFields(type, value)
            }
        }
        parser.result.linkPairs = QueryString.ordered(parser.result.linkPairs, name: \.0)
        return parser.errors.isEmpty ? .success(parser.result) : .failure(ParameterErrors(errors: parser.errors))
    }

    /// An unknown parameter's problem: for `fields[type]` the type is what is wrong, so the types are suggested.
    private static func unknownName(_ name: String, grammar: CollectionGrammar, known: [String]) -> String {
        let types = grammar.typedFieldNames.map(\.type)
        if let type = CollectionGrammar.typedFieldsType(name), !types.isEmpty {
            return unknown("type", type, among: types)
                + " fields[type] narrows the included entities of a type that include= can bring in."
        }
        // `/metrics` takes none: an empty "Valid:" list would read as a truncated message.
        if known.isEmpty { return "Unknown parameter '\(name)': this resource takes no query parameters." }
        return unknown("parameter", name, among: known)
    }

    /// "unknown sort field 'nmae'; did you mean 'name.ar'?" — or the valid names when none is near.
    static func unknown(_ what: String, _ value: String, among valid: [String]) -> String {
        if let near = Suggestion.nearest(to: value, among: valid) {
            return "Unknown \(what) '\(value)'; did you mean '\(near)'?"
        }
        // `nmae` is far from `name.ar` but near its first part: suggest the dotted names that part leads to.
        let heads = valid.compactMap { $0.split(separator: ".").first.map(String.init) }
        if let head = Suggestion.nearest(to: value.split(separator: ".").first.map(String.init) ?? value, among: heads)
        {
            let options = valid.filter { $0 == head || $0.hasPrefix(head + ".") }
            if !options.isEmpty {
                return
                    "Unknown \(what) '\(value)'; did you mean \(options.map { "'\($0)'" }.joined(separator: " or "))?"
            }
        }
        let listed =
            valid.count <= 12 ? valid.joined(separator: ", ") : valid.prefix(12).joined(separator: ", ") + ", …"
        return "Unknown \(what) '\(value)'. Valid: \(listed)."
    }

    /// Comma-separated values, trimmed, empty ones dropped.
    static func list(_ value: String) -> [String] {
        value.split(separator: ",").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    /// Digits only: no sign, no spaces, no exponent; bounded so it cannot overflow.
    static func integer(_ s: String) -> Int? {
        guard !s.isEmpty, s.utf8.count <= 9, s.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int(s)
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
