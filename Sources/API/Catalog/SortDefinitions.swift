import JSON
import Store

/// The sort fields of each collection beyond `id`, `name.ar` and `name.en`: scalar fields a page may order by.
enum SortDefinitions {
    /// JSON keys of the stored entity whose string (or `value` sub-field) is sortable.
    static func fields(for kind: EntityKind) -> [String] {
        switch kind {
        case .countries: ["alpha3", "status"]
        case .organizations: ["acronym"]
        case .visits: ["visitor_country", "host_country"]
        case .initiatives: []
        case .people: ["country"]
        case .places: ["place_type"]
        case .events: ["date", "event_type"]
        case .declarations: ["declaration_type"]
        case .facts: ["category"]
        }
    }

    /// The sort keys of one entity, from its stored JSON.
    static func keys(for entity: any Entity, stored: JSONValue) -> [String: SortKey] {
        var keys: [String: SortKey] = [
            "id": .text(entity.id),
            // Arabic names sort on their normalized key, so hamza and alef forms or tashkeel do not scatter them.
            "name.ar": .text(TextNormalizer.normalize(entity.name.ar)),
            "name.en": .text(entity.name.en.lowercased()),
        ]
        for field in fields(for: entity.kind) {
            switch stored[field] {
            case .string(let s)?: keys[field] = .text(s)
            case .number(let d, _)?: keys[field] = .number(d)
            case .object?:
                if let v = stored[field]?["value"]?.stringValue {
                    keys[field] = .text(v)
                } else {
                    keys[field] = .missing
                }
            default: keys[field] = .missing
            }
        }
        return keys
    }
}
