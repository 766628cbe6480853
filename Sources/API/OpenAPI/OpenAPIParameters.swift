import JSON
import Store

/// Parameter objects, made from the same grammar values the routes validate with: every name, bound and allowed
/// value comes from `CollectionGrammar`, the catalog or `CollectionQuery`, never from a copy.
enum OpenAPIParameters {
    /// Where a route's parameters are described: the catalog (bounds, examples), and the closed vocabularies'
    /// component schemas with the prefix naming them (`Country` → `CountrySortKey`).
    struct Context {
        let catalog: Catalog
        let vocabularies: OpenAPIVocabularies
        let prefix: String
    }

    /// The query parameters of a route, in the grammar's order. A parameter no value can satisfy is left out: a
    /// grammar with no field names still lists `fields` when it is a collection, but every `fields=` there is a 400.
    static func query(_ grammar: CollectionGrammar, _ context: Context) -> [JSONValue] {
        let shared = grammar.parameters.filter { parameter in
            switch parameter {
            case .fields: !grammar.fieldNames.isEmpty
            case .sort: !grammar.sortFields.isEmpty
            case .limit, .offset, .include, .lang, .q, .citedIn, .pretty, .offsets, .id: true
            }
        }
        let filters = grammar.isCollection ? grammar.filters.filter { !$0.allowed.isEmpty } : []
        return shared.map { describe($0, grammar, context) }
            + grammar.typedFieldNames.map { typedFields($0, $1, context) } + filters.map { describe($0, context) }
    }

    /// `fields[type]`, one parameter per type `include` can bring in, named literally with its brackets (generators
    /// make it `fields_countries`); its values are that kind's field names, the vocabulary its own `fields` uses.
    private static func typedFields(_ type: String, _ names: [String], _ context: Context) -> JSONValue {
        let vocabulary = (EntityKind(rawValue: type).map(OpenAPINames.entity) ?? OpenAPINames.camel(type)) + "FieldName"
        return list(
            CollectionGrammar.typedFieldsName(type),
            "With `include`: keep only these fields of each included entity of type `\(type)` in the top-level `included` (JSON:API sparse fieldsets; `id`, `type` and `href` are always kept). Send the brackets percent-encoded (`fields%5B\(type)%5D=`): raw brackets are not valid in a request target (RFC 3986) and get a 301 to the encoded one (RFC 9112 §3.2).\(repeatable)",
            items: context.vocabularies.reference(vocabulary, names), example: Array(names.prefix(1)))
    }

    /// What every list parameter's description ends with.
    static let repeatable =
        " Give a list as one comma list (`a,b`) or by repeating the parameter (`name=a&name=b`, what generated clients send): both mean the same."

    /// One shared parameter. Exhaustive: a new `QueryParameter` case does not compile until it is documented (a
    /// list of entity ids is one `ids(…)` line: strings with examples, never an enum of today's data).
    private static func describe(_ parameter: QueryParameter, _ grammar: CollectionGrammar, _ context: Context)
        -> JSONValue
    {
        let name = parameter.rawValue
        let vocabularies = context.vocabularies
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
                name, "Sort keys; `-` sorts descending. Ties keep the curated order." + repeatable,
                items: vocabularies.reference(context.prefix + "SortKey", keys),
                example: grammar.sortFields.first.map { ["-" + $0] } ?? [])
        case .fields:
            return list(
                name,
                "Only these fields (`key` or `key.sub`); `id`, `type` and `href` are always kept (and `relationships` with `include`). `name.en` keeps the English name as `{\"en\": …}`, with or without `lang`."
                    + repeatable,
                items: vocabularies.reference(context.prefix + "FieldName", grammar.fieldNames),
                example: Array(grammar.fieldNames.prefix(1)))
        case .include:
            return list(
                name,
                "Related collections to include: each item lists its related entities as references (`id`, `type`, `href`) under `relationships`, per relation, and the document's top-level `included` array holds each related entity once, in full (one level; narrow it with `fields[type]`); an entity already in `data` is referenced, not included again."
                    + repeatable,
                items: vocabularies.reference(context.prefix + "RelationName", grammar.includes),
                example: Array(grammar.includes.prefix(1)))
        case .lang:
            return self.parameter(
                name,
                "Answer in one language: every localized field (`name`, `description`, `aliases`, `title`, the index's `description`, names of hits, mentions and included entities) becomes a plain string (or list) in that language, and `Content-Language` says which. Arabic is the original, English a translation. A language sub-field (`fields=name.en`) still gives that language, as `{\"en\": …}`.",
                schema: vocabularies.reference("Language", CollectionQuery.Language.allCases.map(\.rawValue)),
                example: .string(CollectionQuery.Language.en.rawValue))
        case .q:
            return search(grammar, catalog: context.catalog)
        case .citedIn:
            let count = max(1, context.catalog.store.source.paragraphCount)
            return list(
                name, "Keep only items cited in these paragraphs of the source." + repeatable,
                // The bound is the server's own check (a number past the last paragraph is a 400, not an empty page).
                items: OpenAPIJSON.object([
                    "type": .string("integer"), "minimum": .integer(1), "maximum": .integer(count),
                ]),
                example: [.integer(1)])
        case .offsets:
            return self.parameter(
                name,
                "The unit of every offset in the answer (citations' and mentions' `start`/`end`, search hits' `snippet_start`, `match` and `matches`), end exclusive: `scalar` (the default) counts Unicode scalars, as the data records them (Python's `str`, Swift's `unicodeScalars`); `utf16` counts UTF-16 code units, what JavaScript's `String.prototype.slice` indexes. They differ after any character outside the Basic Multilingual Plane (an emoji). Given, it is echoed as `meta.offsets`.",
                schema: vocabularies.reference("OffsetUnit", OffsetUnit.allCases.map(\.rawValue)),
                example: .string(OffsetUnit.utf16.rawValue))
        case .id:
            return ids(
                name,
                "Fetch these items by id, in the order given (unless `sort` or `q` orders them). Another letter case (and for countries the ISO 3166-1 alpha-3 code) names the same item, as in a path; an id the collection does not have is a 400 naming it. Other parameters apply as usual."
                    + repeatable,
                examples: grammar.ids)
        case .pretty:
            // A boolean for generators (they send `true`/`false`); the server also takes `1`/`0` and no value.
            return self.parameter(
                name, "Indent the JSON. Given without a value, or `true`/`1`, it pretty-prints; `false`/`0` does not.",
                schema: OpenAPIJSON.type("boolean"), example: .bool(true))
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

    /// A named filter of the collection: entity ids as strings with examples, a closed vocabulary as an enum.
    private static func describe(_ filter: CollectionGrammar.Filter, _ context: Context) -> JSONValue {
        let description = "Keep only \(filter.summary) (OR within one filter, AND across filters)." + repeatable
        switch filter.vocabulary {
        case .entityIDs:
            return ids(filter.name, description, examples: filter.allowed)
        case .closed:
            let name = context.prefix + OpenAPINames.camel(filter.name) + "Filter"
            return list(
                filter.name, description, items: context.vocabularies.reference(name, filter.allowed),
                example: Array(filter.allowed.prefix(1)))
        }
    }

    /// A list of entity ids: strings, with a few of today's as examples (another `--data`, or a new entity, must not
    /// break a client generated from this document).
    static func ids(_ name: String, _ description: String, examples: [String]) -> JSONValue {
        list(name, description, items: idSchema(examples: examples), example: Array(examples.prefix(1)))
    }

    private static func idSchema(examples: [String]) -> JSONValue {
        OpenAPIJSON.object([
            "type": .string("string"), "minLength": .integer(1),
            "examples": OpenAPIJSON.strings(Array(examples.prefix(3))),
        ])
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
                    "id",
                    "The id of one of the \(k.rawValue) (an unknown one is a 404); \(redirect) answers 301 to the canonical URL.",
                    schema: idSchema(examples: ids), example: .string(ids.first ?? ""))
            ]
        case .source, .paragraphs:
            return [sourceID(catalog)]
        case .paragraph:
            return [
                sourceID(catalog),
                pathParameter(
                    "n", "The paragraph number, from 1.",
                    schema: OpenAPIJSON.object([
                        "type": .string("integer"), "minimum": .integer(1), "examples": .array([.integer(1)]),
                    ]), example: .integer(1)),
            ]
        default:
            return []
        }
    }

    private static func sourceID(_ catalog: Catalog) -> JSONValue {
        let ids = catalog.store.sources.map(\.id)
        return pathParameter(
            "id", "The id of a source document (an unknown one is a 404).", schema: idSchema(examples: ids),
            example: .string(ids.first ?? ""))
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

    /// A list: `style: form, explode: true` is `name=a&name=b`, what generators and query-string libraries send;
    /// the server takes that and the comma list `name=a,b` alike. Every list but `include` must name at least one
    /// item (an empty `sort=` or `fields=` is a 400).
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
            "style": .string("form"), "explode": .bool(true), "schema": OpenAPIJSON.object(schema),
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
