extension Place {
    public static let descriptor = EntityDescriptor<Place>(
        fields: [
            .required("place_type", .enumeration(PlaceType.allCases.map(\.rawValue))).sortable(),
            .required("countries", .array(.id(.countries), nonEmpty: false)),
        ],
        filters: [
            EntityFilter("place_type", "places of these types", .enumeration(PlaceType.allCases.map(\.rawValue))) {
                place, _ in [place.placeType.rawValue]
            },
            EntityFilter("country", "places in these countries", .ids(.countries)) { place, _ in place.countries },
        ])
}
