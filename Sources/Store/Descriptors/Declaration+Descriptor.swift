extension Declaration {
    public static let descriptor = EntityDescriptor<Declaration>(
        fields: [
            .required("declaration_type", .enumeration(DeclarationType.allCases.map(\.rawValue))).sortable(),
            .required("issued_at", .id(.events)),
        ],
        filters: [
            EntityFilter(
                "declaration_type", "declarations of these types",
                .enumeration(DeclarationType.allCases.map(\.rawValue))
            ) { declaration, _ in [declaration.declarationType.rawValue] },
            EntityFilter("event", "declarations issued at these events", .ids(.events)) { declaration, _ in
                [declaration.issuedAt]
            },
        ])
}
