extension Event {
    public static let descriptor = EntityDescriptor<Event>(
        fields: [
            // `date` before `event_type` although the data files write it after: field order is sort-key order
            // (`sort=date` is listed first), and validation does not depend on it.
            .optional("date", .object(dateSpec)).sortable(),
            .required("event_type", .enumeration(EventType.allCases.map(\.rawValue))).sortable(),
            .optional("place", .id(.places)),
            .required("participants", .array(.object(participantSpec), nonEmpty: false)),
            .required("outcomes", .array(.object(outcomeSpec), nonEmpty: false)),
        ],
        filters: [
            EntityFilter("event_type", "events of these types", .enumeration(EventType.allCases.map(\.rawValue))) {
                event, _ in [event.eventType.rawValue]
            },
            EntityFilter("place", "events held in these places", .ids(.places)) { event, _ in
                event.place.map { [$0] } ?? []
            },
            EntityFilter("participant", "events these entities took part in", .anyID) { event, _ in
                event.participants.map(\.participant.id)
            },
        ])

    static let dateSpec = ObjectSpec([
        .required("value", .isoDate),
        .required("precision", .enumeration(EventDate.Precision.allCases.map(\.rawValue))),
    ])

    static let participantSpec = ObjectSpec([
        .required("participant", .reference),
        .optional("role", .localized),
        .required("citations", Schema.citations),
    ])

    static let outcomeSpec = ObjectSpec([
        .required("summary", .localized),
        .optional("result", .reference),
        .required("citations", Schema.citations),
    ])
}
