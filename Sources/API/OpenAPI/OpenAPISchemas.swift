import JSON
import Store

/// `components.schemas`: the shared shapes written here, and the entity, source and paragraph shapes inferred from
/// the catalog's own representations (see ShapeInference).
enum OpenAPISchemas {
    static func all(catalog: Catalog, indexBody: JSONValue?) -> [(String, JSONValue)] {
        let inference = ShapeInference()
        var schemas: [(String, JSONValue)] = fixed()

        for kind in EntityKind.allCases {
            let rows = catalog.items[kind] ?? []
            let name = OpenAPINames.entity(kind)
            schemas.append((name, entity(kind, rows: rows, catalog: catalog, inference: inference)))
            let related = Set((catalog.relationNames[kind] ?? []).map(\.kind)).sorted().map(OpenAPINames.entity)
            schemas.append(
                (OpenAPINames.collection(kind), collection(of: name, "A page of \(kind.rawValue).", included: related)))
            schemas.append(
                (OpenAPINames.resource(kind), resource(of: name, "One of the \(kind.rawValue).", included: related)))
        }

        let sources = catalog.sourceCatalog
        schemas.append(
            (
                "Source",
                row(
                    sources.sources.map(\.representation), inference: inference,
                    description: "A source document: its language, title, paragraph count and SHA-256 of its text.")
            ))
        schemas.append(("SourceCollection", collection(of: "Source", "A page of source documents.")))
        schemas.append(("SourceResource", resource(of: "Source", "One source document.")))
        let paragraphs = sources.paragraphs.keys.sorted().flatMap { sources.paragraphs[$0] ?? [] }
        schemas.append(
            (
                "Paragraph",
                row(
                    paragraphs.map(\.representation), inference: inference,
                    description:
                        "One paragraph of a source, in the original Arabic, with every entity mention in it (offsets in Unicode scalars, or UTF-16 code units with `offsets=utf16`; end exclusive)."
                )
            ))
        schemas.append(("ParagraphCollection", collection(of: "Paragraph", "A page of paragraphs.")))
        schemas.append(("ParagraphResource", resource(of: "Paragraph", "One paragraph.")))
        schemas.append(
            ("SearchHitCollection", searchCollection()))

        if let indexBody {
            let shape = ShapeInference.Shape()
            inference.add(indexBody, to: shape, key: nil)
            var index = inference.schema(shape)
            index = describe(index, "The entry point: name, description, versions and links to every collection.")
            schemas.append(("Index", index))
        }
        // Last, so every citation, mention and cited_in seen above is in them.
        for (name, schema) in inference.componentSchemas(overrides: ["Mention": mentionOverrides]) {
            schemas.append((name, describe(schema, componentDescriptions[name] ?? name)))
        }
        return schemas.sorted { $0.0 < $1.0 }
    }

    static let componentDescriptions = [
        "Citation":
            "Where the source text says it: paragraph, offsets (Unicode scalars, or UTF-16 code units with `offsets=utf16`; end exclusive), the exact Arabic quote, an English translation, and the href of the paragraph.",
        "CitedIn": "A paragraph of the primary source that cites this entity.",
        "Mention":
            "An entity mentioned in a paragraph: its name, whether the span names it or is a claim cited as evidence for it, and the offsets and quote of the span. A paragraph lists its mentions by start, then end (of two spans from one offset the shorter, inner one first), then type and id; spans nest and overlap (up to three deep).",
    ]

    /// A mention's `role`, with the rule that decides it (`MentionRoles` in the store).
    static let mentionOverrides: [String: JSONValue] = [
        "role": OpenAPIJSON.object([
            "type": .string("string"), "enum": OpenAPIJSON.strings(Mention.Role.allCases.map(\.rawValue)),
            "description": .string(
                "`name`: the span is words that name the entity — its name, an alias, an alternate name, a title it holds («أمير دولة قطر»), a generated adjective or plural («الكازاخستانية»), optionally with a word for its kind («مدينة») and particles; compared as normalized Arabic. `claim`: anything else — a clause cited as evidence for the entity (every span of a fact is a claim)."
            ),
        ])
    ]

    /// One entity kind: the stored fields as served, plus `type`, `href`, `links` and `cited_in` (all inferred),
    /// and what `include` adds: `relationships`, the references to each relation's entities (`lang` makes each
    /// localized field a string: ShapeInference allows both forms).
    private static func entity(_ kind: EntityKind, rows: [CollectionItem], catalog: Catalog, inference: ShapeInference)
        -> JSONValue
    {
        let shape = ShapeInference.Shape()
        for row in rows { inference.add(row.representation, to: shape, key: nil) }
        var overrides: [String: JSONValue] = [
            "type": OpenAPIJSON.object(["type": .string("string"), "const": .string(kind.rawValue)])
        ]
        if shape.properties["description"] != nil {
            overrides["description"] = OpenAPIJSON.object([
                "oneOf": .array([OpenAPIJSON.ref("LocalizedText"), OpenAPIJSON.type("string")]),
                "description": .string("Both languages; with `lang`, a string in that language."),
            ])
        }
        let relations = catalog.relationNames[kind] ?? []
        if !relations.isEmpty {
            overrides["relationships"] = OpenAPIJSON.object([
                "type": .string("object"),
                "description": .string(
                    "With `include`: per relation asked for, references to the related entities; each is in full, once, in the document's top-level `included`."
                ),
                "properties": OpenAPIJSON.object(
                    relations.map {
                        (
                            $0.name,
                            OpenAPIJSON.object(["type": .string("array"), "items": OpenAPIJSON.ref("Reference")])
                        )
                    }),
                "additionalProperties": .bool(false),
            ])
        }
        // A field the descriptor declares an enumeration lists its values (`status`, `place_type`, …), sorted as the
        // filters of the same name list them.
        let enumerations = kind.descriptor.enumerations.mapValues { $0.sorted() }
        let schema = inference.objectSchema(
            shape, required: .exactly(alwaysKept), overrides: overrides, enumerations: enumerations,
            nestedRequire: false)
        return describe(
            schema,
            "One of the \(kind.rawValue) as the API serves it. Only `id`, `type` and `href` are always present: `fields` keeps just the fields named (and `key.sub` narrows an object member)."
        )
    }

    /// What `fields=` always keeps.
    static let alwaysKept = ["href", "id", "type"]

    private static func row(_ representations: [JSONValue], inference: ShapeInference, description: String) -> JSONValue
    {
        let shape = ShapeInference.Shape()
        for r in representations { inference.add(r, to: shape, key: nil) }
        return describe(
            inference.objectSchema(shape, required: .exactly(alwaysKept), nestedRequire: false), description)
    }

    /// `included`: the component names of the entities `include` can bring in (none: no `included` member).
    private static func collection(of item: String, _ description: String, included: [String] = []) -> JSONValue {
        var properties: [(String, JSONValue)] = [
            ("data", OpenAPIJSON.object(["type": .string("array"), "items": OpenAPIJSON.ref(item)])),
            ("meta", OpenAPIJSON.ref("PageMeta")),
            ("links", OpenAPIJSON.ref("PageLinks")),
        ]
        if let member = includedSchema(included) { properties.append(("included", member)) }
        return OpenAPIJSON.object([
            "type": .string("object"),
            "description": .string(description),
            "properties": OpenAPIJSON.object(properties),
            "required": OpenAPIJSON.strings(["data", "links", "meta"]),
            "additionalProperties": .bool(false),
        ])
    }

    /// A page of hits, plus `suggestions` when nothing matched.
    private static func searchCollection() -> JSONValue {
        guard
            case .object(var members) = collection(of: "SearchHit", "A page of search hits, best first unless sorted."),
            let i = members.firstIndex(where: { $0.key == "properties" }),
            case .object(var properties) = members[i].value
        else { return .null }
        properties.append(
            (
                key: "suggestions",
                value: OpenAPIJSON.object([
                    "type": .string("array"),
                    "description": .string(
                        "Only when nothing matched: the entities whose names come closest to the query (\"did you mean\"), closest first."
                    ),
                    "items": OpenAPIJSON.object([
                        "type": .string("object"),
                        "properties": OpenAPIJSON.object([
                            "type": OpenAPIJSON.object([
                                "type": .string("string"),
                                "enum": OpenAPIJSON.strings(EntityKind.allCases.map(\.rawValue)),
                            ]),
                            "id": string("The entity id."), "href": string("The entity's URL."),
                            "name": localizedText("The entity's name."),
                        ]),
                        "required": OpenAPIJSON.strings(["type", "id", "href", "name"]),
                        "additionalProperties": .bool(false),
                    ]),
                ])
            ))
        members[i].value = .object(properties)
        return .object(members)
    }

    /// The top-level `included` of a compound document: each related entity once, of any of `kinds`.
    private static func includedSchema(_ kinds: [String]) -> JSONValue? {
        guard !kinds.isEmpty else { return nil }
        return OpenAPIJSON.object([
            "type": .string("array"),
            "description": .string(
                "With `include`: each entity related to the data through the relations asked for, once, in full (or as `fields[type]` narrows it), in the order first referenced."
            ),
            "items": kinds.count == 1
                ? OpenAPIJSON.ref(kinds[0]) : OpenAPIJSON.object(["anyOf": .array(kinds.map { OpenAPIJSON.ref($0) })]),
        ])
    }

    private static func resource(of item: String, _ description: String, included: [String] = []) -> JSONValue {
        var properties: [(String, JSONValue)] = [
            ("data", OpenAPIJSON.ref(item)), ("links", OpenAPIJSON.ref("ResourceLinks")),
            (
                "meta",
                OpenAPIJSON.object([
                    "type": .string("object"), "properties": OpenAPIJSON.object(["offsets": offsetsMeta()]),
                    "additionalProperties": .bool(false),
                    "description": .string("Only with `offsets`."),
                ])
            ),
        ]
        if let member = includedSchema(included) { properties.append(("included", member)) }
        return OpenAPIJSON.object([
            "type": .string("object"),
            "description": .string(description),
            "properties": OpenAPIJSON.object(properties),
            "required": OpenAPIJSON.strings(["data", "links"]),
            "additionalProperties": .bool(false),
        ])
    }

    /// `meta.offsets`: the unit the request named with `offsets` (absent without it: Unicode scalars).
    private static func offsetsMeta() -> JSONValue {
        OpenAPIJSON.object([
            "type": .string("string"), "enum": OpenAPIJSON.strings(OffsetUnit.allCases.map(\.rawValue)),
            "description": .string(
                "With `offsets`: the unit of every offset in the answer. Absent without it, when offsets are Unicode scalars."
            ),
        ])
    }

    private static func describe(_ schema: JSONValue, _ description: String) -> JSONValue {
        guard case .object(var members) = schema else { return schema }
        // Replaces the schema's own: a second `description` key is a document Swagger UI refuses to parse.
        members.removeAll { $0.key == "description" }
        members.append((key: "description", value: .string(description)))
        return .object(members)
    }

    /// A range of `snippet` in Unicode scalars, end exclusive. Both members are always sent, but `fields` may keep
    /// one (`fields=match.start`), so neither is required.
    private static func spanSchema() -> JSONValue {
        OpenAPIJSON.object([
            "type": .string("object"),
            "description": .string(
                "A range within `snippet`, end exclusive: Unicode scalars, or UTF-16 code units with `offsets=utf16`."),
            "properties": OpenAPIJSON.object([
                "start": OpenAPIJSON.object(["type": .string("integer"), "minimum": .integer(0)]),
                "end": OpenAPIJSON.object(["type": .string("integer"), "minimum": .integer(0)]),
            ]),
            "additionalProperties": .bool(false),
        ])
    }

    /// Both languages, or with `lang` a string in that language.
    private static func localizedText(_ description: String) -> JSONValue {
        OpenAPIJSON.object([
            "oneOf": .array([OpenAPIJSON.ref("LocalizedText"), OpenAPIJSON.type("string")]),
            "description": .string(description + " With `lang`, a string in that language."),
        ])
    }

    private static func string(_ description: String) -> JSONValue {
        OpenAPIJSON.object(["type": .string("string"), "description": .string(description)])
    }

    private static func nullableString(_ description: String) -> JSONValue {
        OpenAPIJSON.object(["type": OpenAPIJSON.strings(["string", "null"]), "description": .string(description)])
    }

    /// The shapes every response shares.
    private static func fixed() -> [(String, JSONValue)] {
        textShapes() + envelopeShapes() + answerShapes() + [("ProblemDetails", problemDetails())]
    }

    /// Bilingual text and references between entities.
    private static func textShapes() -> [(String, JSONValue)] {
        [
            (
                "LocalizedText",
                OpenAPIJSON.object([
                    "type": .string("object"),
                    "description": .string(
                        "Text in Arabic (`ar`, the original) and English (`en`, a translation). Both are present, unless `fields=key.ar` or `fields=key.en` asked for one."
                    ),
                    "properties": OpenAPIJSON.object([
                        "ar": string("Arabic (the original)."), "en": string("English (a translation)."),
                    ]),
                    "minProperties": .integer(1),
                    "additionalProperties": .bool(false),
                ])
            ),
            (
                "LocalizedList",
                OpenAPIJSON.object([
                    "type": .string("object"),
                    "description": .string(
                        "Lists of names in Arabic and English. Both are present, unless `fields=key.ar` or `fields=key.en` asked for one."
                    ),
                    "properties": OpenAPIJSON.object([
                        "ar": OpenAPIJSON.object(["type": .string("array"), "items": OpenAPIJSON.type("string")]),
                        "en": OpenAPIJSON.object(["type": .string("array"), "items": OpenAPIJSON.type("string")]),
                    ]),
                    "minProperties": .integer(1),
                    "additionalProperties": .bool(false),
                ])
            ),
            (
                "Reference",
                OpenAPIJSON.object([
                    "type": .string("object"),
                    "description": .string(
                        "How one entity points at another. All three members are present, unless `fields=key.sub` asked for some."
                    ),
                    "properties": OpenAPIJSON.object([
                        "id": string("The id of the entity."),
                        "type": OpenAPIJSON.object([
                            "type": .string("string"), "enum": OpenAPIJSON.strings(EntityKind.allCases.map(\.rawValue)),
                        ]),
                        "href": string("Its URL."),
                    ]),
                    "minProperties": .integer(1),
                    "additionalProperties": .bool(false),
                ])
            ),
        ]
    }

    /// The parts of the collection and resource envelopes.
    private static func envelopeShapes() -> [(String, JSONValue)] {
        [
            (
                "PageMeta",
                OpenAPIJSON.object([
                    "type": .string("object"),
                    "properties": OpenAPIJSON.object([
                        "total": OpenAPIJSON.object([
                            "type": .string("integer"), "minimum": .integer(0),
                            "description": .string("Items matching the query (also in X-Total-Count)."),
                        ]),
                        "count": OpenAPIJSON.object([
                            "type": .string("integer"), "minimum": .integer(0),
                            "description": .string("Items on this page."),
                        ]),
                        "limit": OpenAPIJSON.object([
                            "type": .string("integer"), "minimum": .integer(1),
                            "maximum": .integer(CollectionGrammar.maxLimit),
                        ]),
                        "offset": OpenAPIJSON.object(["type": .string("integer"), "minimum": .integer(0)]),
                        "offsets": offsetsMeta(),
                    ]),
                    "required": OpenAPIJSON.strings(["count", "limit", "offset", "total"]),
                    "additionalProperties": .bool(false),
                ])
            ),
            (
                "PageLinks",
                OpenAPIJSON.object([
                    "type": .string("object"),
                    "description": .string(
                        "Pagination links, keeping every other parameter of the request (also in the Link field)."),
                    "properties": OpenAPIJSON.object([
                        "self": string("This page."), "first": string("The first page."),
                        "last": string("The last page."),
                        "prev": nullableString("The previous page, or null on the first."),
                        "next": nullableString("The next page, or null on the last."),
                    ]),
                    "required": OpenAPIJSON.strings(["first", "last", "next", "prev", "self"]),
                    "additionalProperties": .bool(false),
                ])
            ),
            (
                "ResourceLinks",
                OpenAPIJSON.object([
                    "type": .string("object"),
                    "properties": OpenAPIJSON.object([
                        "self": string("This resource."), "collection": string("The collection it belongs to."),
                    ]),
                    "required": OpenAPIJSON.strings(["collection", "self"]),
                    "additionalProperties": .bool(false),
                ])
            ),
        ]
    }

    /// Search hits, probe answers and problems.
    private static func answerShapes() -> [(String, JSONValue)] {
        [
            (
                "SearchHit",
                OpenAPIJSON.object([
                    "type": .string("object"),
                    "description": .string(
                        "One search hit: what matched (an entity or a paragraph), how well, and where, for highlighting. Only `id`, `type` and `href` are always present (see `fields`)."
                    ),
                    "properties": OpenAPIJSON.object([
                        "id": string("The entity id, or the paragraph number as a string."),
                        "type": OpenAPIJSON.object([
                            "type": .string("string"), "enum": OpenAPIJSON.strings(SearchRoute.hitTypes),
                        ]),
                        "href": string("The URL of the entity or paragraph."),
                        "paragraph": OpenAPIJSON.object([
                            "type": .string("integer"), "minimum": .integer(1),
                            "description": .string("Paragraph hits: the paragraph number."),
                        ]),
                        "source": string("Paragraph hits: the source id."),
                        "score": OpenAPIJSON.object([
                            "type": .string("integer"),
                            "description": .string("Higher is better; only the order is meaningful."),
                        ]),
                        "name": localizedText("Entity hits: the entity's name, to show the hit as is."),
                        "field": OpenAPIJSON.object([
                            "type": .string("string"),
                            "enum": OpenAPIJSON.strings(SearchHit.Field.allCases.map(\.rawValue)),
                            "description": .string(
                                "Which text matched: the name, a title the entity holds (role), an alias, a name people use that the text does not (alternate), a word for its kind, its description, a quote citing it, or the paragraph."
                            ),
                        ]),
                        "language": string("The language of `snippet` (`ar`, `en`, or an alternate name's)."),
                        "snippet": string(
                            "The matched text as written: the whole name, alias, description or quote; for a paragraph, a window of it around the matches."
                        ),
                        "snippet_start": OpenAPIJSON.object([
                            "type": .string("integer"), "minimum": .integer(0),
                            "description": .string(
                                "Where `snippet` starts in the paragraph (0 for other hits), in Unicode scalars or, with `offsets=utf16`, UTF-16 code units: a match's offset in the paragraph is `snippet_start + start`."
                            ),
                        ]),
                        "match": describe(spanSchema(), "The first match within `snippet`."),
                        "matches": OpenAPIJSON.object([
                            "type": .string("array"), "items": spanSchema(),
                            "description": .string("Every match within `snippet`, in order."),
                        ]),
                    ]),
                    "required": OpenAPIJSON.strings(alwaysKept),
                    "additionalProperties": .bool(false),
                ])
            ),
            (
                "Health",
                OpenAPIJSON.object([
                    "type": .string("object"),
                    "description": .string(
                        "`ok` (liveness), `ready`, or `draining` (503 from /readyz once shutdown begins)."),
                    "properties": OpenAPIJSON.object([
                        "status": OpenAPIJSON.object([
                            "type": .string("string"), "enum": OpenAPIJSON.strings(["ok", "ready", "draining"]),
                        ])
                    ]),
                    "required": OpenAPIJSON.strings(["status"]),
                    "additionalProperties": .bool(false),
                ])
            ),
        ]
    }

    /// An RFC 9457 problem, as `ProblemDocument` writes it.
    private static func problemDetails() -> JSONValue {
        OpenAPIJSON.object([
            "type": .string("object"),
            "description": .string(
                "An RFC 9457 problem. Parameter errors list every rejected parameter in `errors`."),
            "properties": OpenAPIJSON.object([
                "type": string("A URI reference naming the problem type (`about:blank`)."),
                "title": string("The status code's reason phrase."),
                "status": OpenAPIJSON.object([
                    "type": .string("integer"), "minimum": .integer(400), "maximum": .integer(599),
                ]),
                "detail": string("What went wrong, for a human."),
                "instance": string(
                    "The request target (absent from the HTTP engine's own errors, such as 414)."),
                "errors": OpenAPIJSON.object([
                    "type": .string("array"),
                    "items": OpenAPIJSON.object([
                        "type": .string("object"),
                        "properties": OpenAPIJSON.object([
                            "parameter": string("The rejected parameter."),
                            "detail": string("Why, with a suggestion when one is near."),
                        ]),
                        "required": OpenAPIJSON.strings(["detail", "parameter"]),
                        "additionalProperties": .bool(false),
                    ]),
                ]),
            ]),
            "required": OpenAPIJSON.strings(["detail", "status", "title", "type"]),
            "additionalProperties": .bool(false),
        ])
    }
}
