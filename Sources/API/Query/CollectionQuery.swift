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
    var filters: [(name: String, values: Set<String>)] = []
    var pretty = false
    /// Every parameter but `limit` and `offset`, as given, for the pagination links.
    var linkPairs: [(String, String)] = []

    static let maxOffset = 1_000_000
    static let maxSearchLength = 200

    static func parse(_ query: QueryString, grammar: CollectionGrammar, paragraphCount: Int) -> Result<
        CollectionQuery, ParameterErrors
    > {
        var result = CollectionQuery()
        var errors: [ParameterError] = []
        var seen: Set<String> = []
        let known = grammar.parameterNames
        for (name, value) in query.pairs {
            guard seen.insert(name).inserted else {
                errors.append(
                    ParameterError(
                        parameter: name,
                        detail: "'\(name)' is given more than once; give one comma-separated list instead."))
                continue
            }
            guard known.contains(name) else {
                errors.append(ParameterError(parameter: name, detail: unknown("parameter", name, among: known)))
                continue
            }
            if name != "limit" && name != "offset" { result.linkPairs.append((name, value)) }
            switch name {
            case "limit":
                if let n = integer(value), (1...CollectionGrammar.maxLimit).contains(n) {
                    result.limit = n
                } else {
                    errors.append(
                        ParameterError(
                            parameter: name,
                            detail:
                                "limit must be a whole number from 1 to \(CollectionGrammar.maxLimit); got '\(value)'.")
                    )
                }
            case "offset":
                if let n = integer(value), (0...maxOffset).contains(n) {
                    result.offset = n
                } else {
                    errors.append(
                        ParameterError(
                            parameter: name,
                            detail: "offset must be a whole number from 0 to \(maxOffset); got '\(value)'."))
                }
            case "sort":
                for item in list(value) {
                    let descending = item.hasPrefix("-")
                    let field = descending ? String(item.dropFirst()) : item
                    if grammar.sortFields.contains(field) {
                        result.sort.append((field, descending))
                    } else {
                        errors.append(
                            ParameterError(
                                parameter: name, detail: unknown("sort field", field, among: grammar.sortFields)))
                    }
                }
                if list(value).isEmpty {
                    errors.append(ParameterError(parameter: name, detail: "sort needs at least one field."))
                }
            case "fields":
                let names = list(value)
                if names.isEmpty {
                    errors.append(ParameterError(parameter: name, detail: "fields needs at least one field name."))
                }
                for field in names where !grammar.fieldNames.contains(field) {
                    errors.append(
                        ParameterError(parameter: name, detail: unknown("field", field, among: grammar.fieldNames)))
                }
                result.fields = names
            case "include":
                for relation in list(value) {
                    if grammar.includes.contains(relation) {
                        result.include.append(relation)
                    } else {
                        errors.append(
                            ParameterError(
                                parameter: name, detail: unknown("relation", relation, among: grammar.includes)))
                    }
                }
                if list(value).isEmpty {
                    errors.append(ParameterError(parameter: name, detail: "include needs at least one relation."))
                }
            case "lang":
                if let language = Language(rawValue: value) {
                    result.lang = language
                } else {
                    errors.append(ParameterError(parameter: name, detail: "lang must be 'ar' or 'en'; got '\(value)'."))
                }
            case "q":
                let text = value.trimmingWhitespace()
                if text.isEmpty {
                    errors.append(ParameterError(parameter: name, detail: "q must not be empty."))
                } else if text.unicodeScalars.count > maxSearchLength {
                    errors.append(
                        ParameterError(parameter: name, detail: "q is limited to \(maxSearchLength) characters."))
                } else {
                    result.q = text
                }
            case "pretty":
                switch value {
                case "", "true", "1": result.pretty = true
                case "false", "0": result.pretty = false
                default:
                    errors.append(
                        ParameterError(parameter: name, detail: "pretty takes no value, or true/false; got '\(value)'.")
                    )
                }
            case "cited_in":
                var numbers: Set<Int> = []
                for item in list(value) {
                    if let n = integer(item), (1...max(1, paragraphCount)).contains(n) {
                        numbers.insert(n)
                    } else {
                        errors.append(
                            ParameterError(
                                parameter: name,
                                detail: "cited_in takes paragraph numbers from 1 to \(paragraphCount); got '\(item)'."))
                    }
                }
                if numbers.isEmpty && list(value).isEmpty {
                    errors.append(
                        ParameterError(parameter: name, detail: "cited_in needs at least one paragraph number."))
                }
                result.citedIn = numbers
            default:
                guard let filter = grammar.filters.first(where: { $0.name == name }) else { continue }
                var values: Set<String> = []
                for item in list(value) {
                    if filter.allowed.contains(item) {
                        values.insert(item)
                    } else {
                        errors.append(
                            ParameterError(parameter: name, detail: unknown("value", item, among: filter.allowed)))
                    }
                }
                if list(value).isEmpty {
                    errors.append(ParameterError(parameter: name, detail: "\(name) needs at least one value."))
                }
                result.filters.append((name, values))
            }
        }
        return errors.isEmpty ? .success(result) : .failure(ParameterErrors(errors: errors))
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
