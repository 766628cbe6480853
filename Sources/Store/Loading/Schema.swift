/// The shapes every kind shares (citations, notes, external facts, interpretations, the common entity fields) and
/// the source metadata. Each kind's own fields are in its descriptor (`Descriptors/`).
enum Schema {
    /// Where in the text: what a citation and an uncited mention both say, and the loader checks against the text.
    static let textSpan: [Field] = [
        .required("source", .string),
        .required("paragraph", .integer(minimum: 1)),
        .required("start", .integer(minimum: 0)),
        .required("end", .integer(minimum: 1)),
        .required("quote", .string),
    ]

    static let citation = ObjectSpec(
        textSpan + [
            .optional(
                "translation",
                .object(
                    ObjectSpec([
                        .required("en", .string),
                        .required("kind", .constant("translation")),
                    ])))
        ])

    static let citations = FieldType.array(.citation, nonEmpty: true)

    /// A naming of the entity its citations leave out on purpose: where (as a citation says where) and why.
    static let uncitedMention = ObjectSpec(textSpan + [.required("reason", .localized)])

    static let external = ObjectSpec([
        .required("field", .string),
        .required("value", .string),
        .required("source", .constant("external")),
        .required("note", .localized),
    ])

    static let interpretation = ObjectSpec([
        .required("literal", .localized),
        .required("likely", .localized),
        .required("note", .localized),
        .required("citations", citations),
    ])

    /// Fields every entity has, in the order the data files write them; `id` is a slug unless the kind says otherwise.
    static func entity(id: FieldType, specific: [Field]) -> ObjectSpec {
        ObjectSpec(
            [
                .required("id", id),
                .required("name", .localized),
                .required("aliases", .localizedList),
                .required("description", .localized),
            ] + specific + [
                .required("citations", citations),
                .optional("uncited_mentions", .array(.uncitedMention, nonEmpty: true)),
                .optional("interpretations", .array(.object(interpretation), nonEmpty: true)),
                .optional("notes", .array(.localized, nonEmpty: true)),
                .optional("external", .array(.object(external), nonEmpty: true)),
            ])
    }

    /// One entry of `lexicon/alternate-names.json`.
    static let alternateName = ObjectSpec([
        .required("entity", .reference),
        .required("name", .string),
        .required("language", .string),
        .required("kind", .enumeration(AlternateName.Kind.allCases.map(\.rawValue))),
        .required("source", .enumeration(["text", "external"])),
        .optional("note", .localized),
    ])

    /// `lexicon/alternate-names.json`.
    static let lexicon = ObjectSpec([.required("alternate_names", .array(.object(alternateName), nonEmpty: false))])

    /// `sources/<id>.json`.
    static let sourceMetadata = ObjectSpec([
        .required("id", .slug),
        .required("language", .string),
        .required("title", .localized),
        .required("paragraph_count", .integer(minimum: 1)),
        .required("sha256", .sha256Hex),
        .required("text_file", .string),
        .required("offset_unit", .constant("unicode-scalar")),
        .required("modified", .timestamp),
        .optional("notes", .array(.localized, nonEmpty: true)),
    ])
}
