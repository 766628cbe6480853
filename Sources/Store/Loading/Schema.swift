/// The shape of every data file, declared once. The validator walks JSON values against it, and
/// `Resources/schema/*.schema.json` publish the same shape as JSON Schema for other tools
/// (a test keeps the two in step).
indirect enum FieldType: Sendable {
    /// A non-empty string.
    case string
    case integer(minimum: Int)
    case number
    /// `{"ar": "…", "en": "…"}`, both non-empty, no other keys.
    case localized
    /// `{"ar": ["…"], "en": ["…"]}`, non-empty strings, no other keys.
    case localizedList
    /// The entity's own id: a lowercase slug (countries: ISO 3166-1 alpha-2 or ISO 3166-3).
    case entityID(EntityKind)
    /// A lowercase slug: `[a-z0-9]+(-[a-z0-9]+)*`.
    case slug
    /// A plain id string pointing at an entity of a fixed kind.
    case id(EntityKind)
    /// `{"type": "<collection>", "id": "<id>"}`.
    case reference
    case enumeration([String])
    case constant(String)
    case alpha3
    case sha256Hex
    /// ISO 8601 calendar date truncated to year, month or day (`2002-06`), or an interval `a/b`.
    case isoDate
    case array(FieldType, nonEmpty: Bool)
    case object(ObjectSpec)
    /// A citation object, whose offsets and quote are verified against the source text.
    case citation
}

struct Field: Sendable {
    var name: String
    var type: FieldType
    var required: Bool
}

struct ObjectSpec: Sendable {
    var fields: [Field]

    init(_ fields: [Field]) { self.fields = fields }

    func field(named name: String) -> Field? { fields.first { $0.name == name } }
}

func required(_ name: String, _ type: FieldType) -> Field { Field(name: name, type: type, required: true) }
func optional(_ name: String, _ type: FieldType) -> Field { Field(name: name, type: type, required: false) }

enum Schema {
    static let citation = ObjectSpec([
        required("source", .string),
        required("paragraph", .integer(minimum: 1)),
        required("start", .integer(minimum: 0)),
        required("end", .integer(minimum: 1)),
        required("quote", .string),
        optional(
            "translation",
            .object(
                ObjectSpec([
                    required("en", .string),
                    required("kind", .constant("translation")),
                ]))),
    ])

    static let citations = FieldType.array(.citation, nonEmpty: true)

    static let external = ObjectSpec([
        required("field", .string),
        required("value", .string),
        required("source", .constant("external")),
        required("note", .localized),
    ])

    static let interpretation = ObjectSpec([
        required("literal", .localized),
        required("likely", .localized),
        required("note", .localized),
        required("citations", citations),
    ])

    /// Fields every entity has, in the order the data files write them.
    static func entity(_ kind: EntityKind, specific: [Field]) -> ObjectSpec {
        ObjectSpec(
            [
                required("id", .entityID(kind)),
                required("name", .localized),
                required("aliases", .localizedList),
                required("description", .localized),
            ] + specific + [
                required("citations", citations),
                optional("interpretations", .array(.object(interpretation), nonEmpty: true)),
                optional("notes", .array(.localized, nonEmpty: true)),
                optional("external", .array(.object(external), nonEmpty: true)),
            ])
    }

    static let membership = ObjectSpec([
        required("organization", .id(.organizations)),
        optional("when", .localized),
        optional("how", .localized),
        required("citations", citations),
        optional("notes", .array(.localized, nonEmpty: true)),
        optional("external", .array(.object(external), nonEmpty: true)),
    ])

    static let role = ObjectSpec([
        required("title", .localized),
        optional("country", .id(.countries)),
        required("citations", citations),
        optional("notes", .array(.localized, nonEmpty: true)),
        optional("external", .array(.object(external), nonEmpty: true)),
    ])

    static let participant = ObjectSpec([
        required("participant", .reference),
        optional("role", .localized),
        required("citations", citations),
    ])

    static let outcome = ObjectSpec([
        required("summary", .localized),
        optional("result", .reference),
        required("citations", citations),
    ])

    static let quantity = ObjectSpec([
        required("value", .number),
        required("unit", .string),
        required("qualifier", .enumeration(Quantity.Qualifier.allCases.map(\.rawValue))),
        required("text", .string),
    ])

    static func spec(for kind: EntityKind) -> ObjectSpec {
        switch kind {
        case .countries:
            return entity(
                kind,
                specific: [
                    required("alpha3", .alpha3),
                    required("status", .enumeration(["current", "former"])),
                    required("memberships", .array(.object(membership), nonEmpty: false)),
                ])
        case .organizations:
            return entity(kind, specific: [required("acronym", .string)])
        case .people:
            return entity(
                kind,
                specific: [
                    required("country", .id(.countries)),
                    required("roles", .array(.object(role), nonEmpty: false)),
                ])
        case .places:
            return entity(
                kind,
                specific: [
                    required("place_type", .enumeration(Place.PlaceType.allCases.map(\.rawValue))),
                    required("countries", .array(.id(.countries), nonEmpty: false)),
                ])
        case .visits:
            return entity(
                kind,
                specific: [
                    required("visitor", .id(.people)),
                    required("visitor_title", .localized),
                    required("visitor_country", .id(.countries)),
                    required("host_country", .id(.countries)),
                    required("city", .id(.places)),
                    optional("timing", .localized),
                    optional("after_event", .id(.events)),
                    required("notable", .localized),
                ])
        case .initiatives:
            return entity(
                kind,
                specific: [
                    required("proposer", .reference),
                    required("related", .array(.reference, nonEmpty: false)),
                    required("aims", .localized),
                ])
        case .events:
            return entity(
                kind,
                specific: [
                    required("event_type", .enumeration(Event.EventType.allCases.map(\.rawValue))),
                    optional(
                        "date",
                        .object(
                            ObjectSpec([
                                required("value", .isoDate),
                                required("precision", .enumeration(EventDate.Precision.allCases.map(\.rawValue))),
                            ]))),
                    optional("place", .id(.places)),
                    required("participants", .array(.object(participant), nonEmpty: false)),
                    required("outcomes", .array(.object(outcome), nonEmpty: false)),
                ])
        case .declarations:
            return entity(
                kind,
                specific: [
                    required("declaration_type", .enumeration(Declaration.DeclarationType.allCases.map(\.rawValue))),
                    required("issued_at", .id(.events)),
                ])
        case .facts:
            return entity(
                kind,
                specific: [
                    required("subject", .reference),
                    required("category", .enumeration(Fact.Category.allCases.map(\.rawValue))),
                    required("statement", .localized),
                    optional("quantity", .object(quantity)),
                    required("related", .array(.reference, nonEmpty: false)),
                ])
        }
    }

    /// `sources/<id>.json`.
    static let sourceMetadata = ObjectSpec([
        required("id", .slug),
        required("language", .string),
        required("title", .localized),
        required("paragraph_count", .integer(minimum: 1)),
        required("sha256", .sha256Hex),
        required("text_file", .string),
        required("offset_unit", .constant("unicode-scalar")),
        optional("notes", .array(.localized, nonEmpty: true)),
    ])
}
