extension Fact {
    public static let descriptor = EntityDescriptor<Fact>(
        fields: [
            .required("subject", .reference),
            .required("category", .enumeration(Category.allCases.map(\.rawValue))).sortable(),
            .required("statement", .localized),
            .optional("quantity", .object(quantitySpec)),
            .required("related", .array(.reference, nonEmpty: false)),
        ],
        filters: [
            EntityFilter("category", "facts in these categories", .enumeration(Category.allCases.map(\.rawValue))) {
                fact, _ in [fact.category.rawValue]
            },
            EntityFilter("subject", "facts about these entities", .anyID) { fact, _ in [fact.subject.id] },
            EntityFilter("related", "facts related to these entities", .anyID) { fact, _ in fact.related.map(\.id) },
        ])

    static let quantitySpec = ObjectSpec([
        .required("value", .number),
        .required("unit", .string),
        .required("qualifier", .enumeration(Quantity.Qualifier.allCases.map(\.rawValue))),
        .required("text", .string),
    ])
}
