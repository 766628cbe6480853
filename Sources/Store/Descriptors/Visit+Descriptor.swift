extension Visit {
    public static let descriptor = EntityDescriptor<Visit>(
        fields: [
            .required("visitor", .id(.people)),
            .required("visitor_title", .localized),
            .required("visitor_country", .id(.countries)).sortable(),
            .required("host_country", .id(.countries)).sortable(),
            .required("city", .id(.places)),
            .optional("timing", .localized),
            .optional("after_event", .id(.events)),
            .required("notable", .localized),
        ],
        filters: [
            EntityFilter("visitor", "visits by these people", .ids(.people)) { visit, _ in [visit.visitor] },
            EntityFilter("visitor_country", "visitors from these countries", .ids(.countries)) { visit, _ in
                [visit.visitorCountry]
            },
            EntityFilter("host", "visits hosted by these countries", .ids(.countries)) { visit, _ in
                [visit.hostCountry]
            },
            EntityFilter("city", "visits to these cities", .ids(.places)) { visit, _ in [visit.city] },
        ])
}
