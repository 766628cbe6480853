extension Initiative {
    public static let descriptor = EntityDescriptor<Initiative>(
        fields: [
            .required("proposer", .reference),
            .required("related", .array(.reference, nonEmpty: false)),
            .required("aims", .localized),
        ],
        filters: [
            EntityFilter("proposer", "initiatives proposed by these entities", .anyID) { initiative, _ in
                [initiative.proposer.id]
            },
            EntityFilter("related", "initiatives related to these entities", .anyID) { initiative, _ in
                initiative.related.map(\.id)
            },
        ])
}
