extension Country {
    public static let descriptor = EntityDescriptor<Country>(
        id: .countryCode,
        fields: [
            .required("alpha3", .alpha3).sortable(),
            .required("status", .enumeration(Status.allCases.map(\.rawValue))).sortable(),
            .required("memberships", .array(.object(membershipSpec), nonEmpty: false)),
        ],
        filters: [
            EntityFilter("member", "member of these organizations", .ids(.organizations)) { country, _ in
                country.memberships.map(\.organization)
            },
            EntityFilter("status", "current or former state", .enumeration(Status.allCases.map(\.rawValue))) {
                country, _ in [country.status.rawValue]
            },
        ])

    static let membershipSpec = ObjectSpec([
        .required("organization", .id(.organizations)),
        .optional("when", .localized),
        .optional("how", .localized),
        .required("citations", Schema.citations),
        .optional("notes", .array(.localized, nonEmpty: true)),
        .optional("external", .array(.object(Schema.external), nonEmpty: true)),
    ])
}
