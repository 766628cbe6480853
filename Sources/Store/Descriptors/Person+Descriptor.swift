extension Person {
    public static let descriptor = EntityDescriptor<Person>(
        fields: [
            .required("country", .id(.countries)).sortable(),
            .required("roles", .array(.object(roleSpec), nonEmpty: false)),
        ],
        filters: [
            EntityFilter("country", "people of these countries", .ids(.countries)) { person, _ in [person.country] }
        ])

    static let roleSpec = ObjectSpec([
        .required("title", .localized),
        .optional("country", .id(.countries)),
        .required("citations", Schema.citations),
        .optional("notes", .array(.localized, nonEmpty: true)),
        .optional("external", .array(.object(Schema.external), nonEmpty: true)),
    ])
}
