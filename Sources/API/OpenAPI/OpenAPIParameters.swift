import JSON
import Store

/// Parameter objects, made from the same grammar values the routes validate with: every name, bound and allowed
/// value comes from `CollectionGrammar`, the catalog or `CollectionQuery`, never from a copy.
enum OpenAPIParameters {
    /// The values `pretty` accepts: no value, `true`/`1` or `false`/`0` (CollectionQuery.parse, case "pretty").
    static let prettyValues = ["", "true", "false", "1", "0"]

    /// The query parameters of a route, in the grammar's order. A parameter no value can satisfy is left out: a
    /// grammar with no field names still lists `fields` when it is a collection, but every `fields=` there is a 400.
    static func query(_ grammar: CollectionGrammar, catalog: Catalog) -> [JSONValue] {
        let shared = grammar.parameters.filter { parameter in
            switch parameter {
            case .fields: !grammar.fieldNames.isEmpty
            case .sort: !grammar.sortFields.isEmpty
            case .limit, .offset, .include, .lang, .q, .citedIn, .pretty, .offsets, .id: true
            }
        }
        let filters = grammar.isCollection ? grammar.filters.filter { !$0.allowed.isEmpty } : []
        return shared.map { describe($0, grammar, catalog: catalog) } + grammar.typedFieldNames.map(typedFields)
            + filters.map(describe)
    }

    /// `fields[type]`, one parameter per type `include` can bring in, named literally with its brackets.
    private static func typedFields(_ type: String, _ names: [String]) -> JSONValue {
        list(
            CollectionGrammar.typedFieldsName(type),
            "With `include`: keep only these fields of each included entity of type `\(type)` in the top-level `included` (JSON:API sparse fieldsets; `id`, `type` and `href` are always kept). Send the brackets percent-encoded (`fields%5B\(type)%5D=`): the server refuses raw brackets in a request target (RFC 3986).\(repeatable)",
            items: enumeration(names), example: Array(names.prefix(1)))
    }

    /// What every list parameter's description ends with.
    static let repeatable =
        " A list may be given as one comma list (`style: form, explode: false`) or by repeating the parameter (`style: form, explode: true`, what most generated clients send): both mean the same."

    /// One shared parameter. Exhaustive: a new `QueryParameter` case does not compile until it is documented.
    private static func describe(_ parameter: QueryParameter, _ grammar: CollectionGrammar, catalog: Catalog)
        -> JSONValue
    {
        let name = parameter.rawValue
        switch parameter {
        case .limit:
            return self.parameter(
                name, "Page size.",
                schema: OpenAPIJSON.object([
                    "type": .string("integer"), "minimum": .integer(1),
                    "maximum": .integer(CollectionGrammar.maxLimit),
                    "default": .integer(CollectionGrammar.defaultLimit),
                ]), example: .integer(2))
        case .offset:
            return self.parameter(
                name, "How many items to skip.",
                schema: OpenAPIJSON.object([
                    "type": .string("integer"), "minimum": .integer(0),
                    "maximum": .integer(CollectionQuery.maxOffset), "default": .integer(0),
                ]), example: .integer(0))
        case .sort:
            let keys = grammar.sortFields.flatMap { [$0, "-" + $0] }
            return list(
                name, "Sort keys, comma-separated; `-` sorts descending. Ties keep the curated order." + repeatable,
                items: enumeration(keys), example: grammar.sortFields.first.map { ["-" + $0] } ?? [])
        case .fields:
            return list(
                name,
                "Only these fields (`key` or `key.sub`), comma-separated; `id`, `type` and `href` are always kept (and `relationships` with `include`)."
                    + repeatable,
                items: enumeration(grammar.fieldNames), example: Array(grammar.fieldNames.prefix(1)))
        case .include:
            return list(
                name,
                "Related collections to include, comma-separated: each item lists its related entities as references (`id`, `type`, `href`) under `relationships`, per relation, and the document's top-level `included` array holds each related entity once, in full (one level; narrow it with `fields[type]`)."
                    + repeatable,
                items: enumeration(grammar.includes), example: Array(grammar.includes.prefix(1)))
        case .lang:
            return self.parameter(
                name,
                "Answer in one language: every localized field (`name`, `description`, `aliases`, `title`, names of hits, mentions and included entities) becomes a plain string (or list) in that language, and `Content-Language` says which. Arabic is the original, English a translation.",
                schema: enumeration(CollectionQuery.Language.allCases.map(\.rawValue)),
                example: .string(CollectionQuery.Language.en.rawValue))
        case .q:
            return search(grammar, catalog: catalog)
        case .citedIn:
            let count = max(1, catalog.store.source.paragraphCount)
            return list(
                name, "Keep only items cited in these paragraphs of the source, comma-separated." + repeatable,
                items: OpenAPIJSON.object([
                    "type": .string("integer"), "minimum": .integer(1), "maximum": .integer(count),
                ]),
                example: [.integer(1)])
        case .offsets:
            return self.parameter(
                name,
                "The unit of every offset in the answer (citations' and mentions' `start`/`end`, search hits' `snippet_start`, `match` and `matches`), end exclusive: `scalar` (the default) counts Unicode scalars, as the data records them (Python's `str`, Swift's `unicodeScalars`); `utf16` counts UTF-16 code units, what JavaScript's `String.prototype.slice` indexes. They differ after any character outside the Basic Multilingual Plane (an emoji). Given, it is echoed as `meta.offsets`.",
                schema: OpenAPIJSON.object([
                    "type": .string("string"), "enum": OpenAPIJSON.strings(OffsetUnit.allCases.map(\.rawValue)),
                    "default": .string(OffsetUnit.scalar.rawValue),
                ]),
                example: .string(OffsetUnit.utf16.rawValue))
        case .id:
            return list(
                name,
                "Fetch these items by id, comma-separated, in the order given (unless `sort` or `q` orders them). Another letter case (and for countries the ISO 3166-1 alpha-3 code) names the same item, as in a path; an id the collection does not have is a 400 naming it. Other parameters apply as usual."
                    + repeatable,
                items: OpenAPIJSON.type("string"), example: Array(grammar.ids.prefix(2)))
        case .pretty:
            return self.parameter(
                name, "Indent the JSON. Given without a value, or `true`/`1`, it pretty-prints; `false`/`0` does not.",
                schema: enumeration(prettyValues), example: .string("true"))
        }
    }

    private static func search(_ grammar: CollectionGrammar, catalog: Catalog) -> JSONValue {
        let paragraphs = grammar.sortFields.contains("number")
        return parameter(
            QueryParameter.q.rawValue,
            grammar.requiresQ
                ? "The text to search for, in Arabic or English (hamza, alef and tashkeel variants match)."
                : "Keep only \(paragraphs ? "paragraphs" : "items") matching this text (Arabic-aware); without `sort`, best matches first.",
            schema: OpenAPIJSON.object([
                "type": .string("string"), "minLength": .integer(1),
                "maxLength": .integer(CollectionQuery.maxSearchLength),
                "pattern": .string("\\S"),
            ]),
            example: .string(catalog.store.entities(of: Country.self).first?.name.ar ?? "كازاخستان"),
            required: grammar.requiresQ)
    }

    /// A named filter of the collection.
    private static func describe(_ filter: CollectionGrammar.Filter) -> JSONValue {
        list(
            filter.name,
            "Keep only \(filter.summary), comma-separated (OR within one filter, AND across filters)." + repeatable,
            items: enumeration(filter.allowed), example: Array(filter.allowed.prefix(1)))
    }

    /// The `{id}` and `{n}` of a route.
    static func path(_ kind: RouteKind, catalog: Catalog) -> [JSONValue] {
        switch kind {
        case .entity(let k), .relation(let k, _, _):
            let ids = (catalog.items[k] ?? []).compactMap(\.ref?.id)
            let redirect =
                k == .countries ? "another letter case or the ISO 3166-1 alpha-3 code" : "another letter case"
            return [
                pathParameter(
                    "id", "The id of one of the \(k.rawValue); \(redirect) answers 301 to the canonical URL.",
                    schema: enumeration(ids), example: .string(ids.first ?? ""))
            ]
        case .source, .paragraphs:
            return [sourceID(catalog)]
        case .paragraph:
            let count = max(1, catalog.store.source.paragraphCount)
            return [
                sourceID(catalog),
                pathParameter(
                    "n", "The paragraph number, from 1.",
                    schema: OpenAPIJSON.object([
                        "type": .string("integer"), "minimum": .integer(1), "maximum": .integer(count),
                    ]), example: .integer(1)),
            ]
        default:
            return []
        }
    }

    /// OPTIONS answers for the route whatever the segment holds (a preflight cannot know whether the id exists),
    /// so its path parameters are any string; these override the path item's enumerations.
    static func optionsPath(_ kind: RouteKind, catalog: Catalog) -> [JSONValue] {
        path(kind, catalog: catalog).compactMap { parameter in
            guard let name = parameter["name"]?.stringValue else { return nil }
            return pathParameter(
                name, "Any value: OPTIONS does not look the resource up.", schema: OpenAPIJSON.type("string"),
                example: .string(parameter["example"].map { $0.stringValue ?? "1" } ?? ""))
        }
    }

    private static func sourceID(_ catalog: Catalog) -> JSONValue {
        let ids = catalog.store.sources.map(\.id)
        return pathParameter(
            "id", "The id of a source document.", schema: enumeration(ids), example: .string(ids.first ?? ""))
    }

    private static func enumeration(_ values: [String]) -> JSONValue {
        OpenAPIJSON.object(["type": .string("string"), "enum": OpenAPIJSON.strings(values)])
    }

    private static func parameter(
        _ name: String, _ description: String, schema: JSONValue, example: JSONValue, required: Bool = false
    ) -> JSONValue {
        OpenAPIJSON.object([
            "name": .string(name), "in": .string("query"), "description": .string(description),
            "required": .bool(required),
            "schema": schema, "example": example,
        ])
    }

    /// A comma-separated list: `style: form, explode: false` is exactly `name=a,b`. Every list but `include` must
    /// name at least one item (an empty `sort=` or `fields=` is a 400).
    private static func list(
        _ name: String, _ description: String, items: JSONValue, example: [String], minItems: Int = 1
    ) -> JSONValue {
        list(name, description, items: items, example: example.map(JSONValue.string), minItems: minItems)
    }

    private static func list(
        _ name: String, _ description: String, items: JSONValue, example: [JSONValue], minItems: Int = 1
    ) -> JSONValue {
        var schema: [(String, JSONValue)] = [("type", .string("array")), ("items", items)]
        if minItems > 0 { schema.append(("minItems", .integer(minItems))) }
        return OpenAPIJSON.object([
            "name": .string(name), "in": .string("query"), "description": .string(description),
            "required": .bool(false),
            "style": .string("form"), "explode": .bool(false), "schema": OpenAPIJSON.object(schema),
            "example": .array(example),
        ])
    }

    private static func pathParameter(_ name: String, _ description: String, schema: JSONValue, example: JSONValue)
        -> JSONValue
    {
        OpenAPIJSON.object([
            "name": .string(name), "in": .string("path"), "description": .string(description), "required": .bool(true),
            "schema": schema, "example": example,
        ])
    }
}
