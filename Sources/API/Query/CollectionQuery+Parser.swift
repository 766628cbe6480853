extension CollectionQuery {
    /// Reads one parameter at a time into a query, collecting every problem (one 400 names them all).
    struct Parser {
        let grammar: CollectionGrammar
        let paragraphCount: Int
        var result = CollectionQuery()
        var errors: [ParameterError] = []

        init(grammar: CollectionGrammar, paragraphCount: Int) {
            self.grammar = grammar
            self.paragraphCount = paragraphCount
        }

        mutating func reject(_ parameter: String, _ detail: String) {
            errors.append(ParameterError(parameter: parameter, detail: detail))
        }

        /// One accepted shared parameter. Exhaustive: a new `QueryParameter` case does not compile until it is read.
        mutating func apply(_ parameter: QueryParameter, _ value: String) {
            switch parameter {
            case .limit: applyLimit(value)
            case .offset: applyOffset(value)
            case .sort: applySort(value)
            case .fields: applyFields(value)
            case .include: applyInclude(value)
            case .lang: applyLang(value)
            case .q: applySearch(value)
            case .pretty: applyPretty(value)
            case .citedIn: applyCitedIn(value)
            case .offsets: applyOffsets(value)
            case .id: applyIDs(value)
            }
        }

        private mutating func applyLimit(_ value: String) {
            let range = 1...CollectionGrammar.maxLimit
            if let n = integer(value), range.contains(n) {
                result.limit = n
            } else {
                reject("limit", "limit must be a whole number from 1 to \(CollectionGrammar.maxLimit); got '\(value)'.")
            }
        }

        private mutating func applyOffset(_ value: String) {
            if let n = integer(value), (0...maxOffset).contains(n) {
                result.offset = n
            } else {
                reject("offset", "offset must be a whole number from 0 to \(maxOffset); got '\(value)'.")
            }
        }

        private mutating func applySort(_ value: String) {
            for item in list(value) {
                let descending = item.hasPrefix("-")
                let field = descending ? String(item.dropFirst()) : item
                if grammar.sortFields.contains(field) {
                    result.sort.append((field, descending))
                } else {
                    reject("sort", unknown("sort field", field, among: grammar.sortFields))
                }
            }
            if list(value).isEmpty { reject("sort", "sort needs at least one field.") }
        }

        private mutating func applyFields(_ value: String) {
            let names = list(value)
            if names.isEmpty { reject("fields", "fields needs at least one field name.") }
            for field in names where !grammar.fieldNames.contains(field) {
                reject("fields", unknown("field", field, among: grammar.fieldNames))
            }
            result.fields = names
        }

        private mutating func applyInclude(_ value: String) {
            for relation in list(value) {
                if grammar.includes.contains(relation) {
                    result.include.append(relation)
                } else {
                    reject("include", unknown("relation", relation, among: grammar.includes))
                }
            }
            if list(value).isEmpty { reject("include", "include needs at least one relation.") }
        }

        private mutating func applyLang(_ value: String) {
            if let language = Language(rawValue: value) {
                result.lang = language
            } else {
                reject("lang", "lang must be 'ar' or 'en'; got '\(value)'.")
            }
        }

        private mutating func applySearch(_ value: String) {
            let text = value.trimmingWhitespace()
            if text.isEmpty {
                reject("q", "q must not be empty.")
            } else if text.unicodeScalars.count > maxSearchLength {
                reject("q", "q is limited to \(maxSearchLength) characters.")
            } else {
                result.q = text
            }
        }

        private mutating func applyOffsets(_ value: String) {
            if let unit = OffsetUnit(rawValue: value) {
                result.offsets = unit
            } else {
                let units = OffsetUnit.allCases.map { "'\($0.rawValue)'" }.joined(separator: " or ")
                reject("offsets", "offsets must be \(units); got '\(value)'.")
            }
        }

        private mutating func applyPretty(_ value: String) {
            switch value {
            case "", "true", "1": result.pretty = true
            case "false", "0": result.pretty = false
            default: reject("pretty", "pretty takes no value, or true/false; got '\(value)'.")
            }
        }

        private mutating func applyCitedIn(_ value: String) {
            var numbers: Set<Int> = []
            for item in list(value) {
                if let n = integer(item), (1...max(1, paragraphCount)).contains(n) {
                    numbers.insert(n)
                } else {
                    reject("cited_in", "cited_in takes paragraph numbers from 1 to \(paragraphCount); got '\(item)'.")
                }
            }
            if numbers.isEmpty && list(value).isEmpty {
                reject("cited_in", "cited_in needs at least one paragraph number.")
            }
            result.citedIn = numbers
        }

        /// `id=a,b`: each must be an id of the collection (another letter case, or a country's alpha-3 code,
        /// names the same row, as in a path); the rows come in the order given unless sorted.
        private mutating func applyIDs(_ value: String) {
            var ids: [String] = []
            var seen: Set<String> = []
            for item in list(value) {
                if let id = grammar.idAliases[item] ?? grammar.idAliases[item.lowercased()] {
                    if seen.insert(id).inserted { ids.append(id) }
                } else {
                    reject("id", unknown("id", item, among: grammar.ids))
                }
            }
            if list(value).isEmpty { reject("id", "id needs at least one id.") }
            result.ids = ids
        }

        /// `fields[type]=a,b`: the grammar accepts the name only for a type it can include.
        mutating func applyTypedFields(_ type: String, _ value: String) {
            let name = CollectionGrammar.typedFieldsName(type)
            let valid = grammar.typedFieldNames.first { $0.type == type }?.names ?? []
            let names = list(value)
            if names.isEmpty { reject(name, "\(name) needs at least one field name.") }
            for field in names where !valid.contains(field) {
                reject(name, unknown("field", field, among: valid))
            }
            result.typedFields[type] = names
        }

        /// A named filter: comma lists mean OR within it; different filters mean AND.
        mutating func applyFilter(_ filter: CollectionGrammar.Filter, _ value: String) {
            var values: Set<String> = []
            for item in list(value) {
                if filter.allowed.contains(item) {
                    values.insert(item)
                } else {
                    reject(filter.name, unknown("value", item, among: filter.allowed))
                }
            }
            if list(value).isEmpty { reject(filter.name, "\(filter.name) needs at least one value.") }
            result.filters.append((filter.name, values))
        }
    }
}
