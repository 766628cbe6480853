import JSON
import Store

/// The sort keys of a row: `id`, `name.ar`, `name.en`, and the fields its descriptor marks sortable, whose string
/// (or `value` sub-field) a page may order by.
enum RowSortKeys {
    /// The sort keys of one entity, from its stored JSON.
    static func keys(for entity: any Entity, stored: JSONValue) -> [String: SortKey] {
        var keys: [String: SortKey] = [
            "id": .text(entity.id),
            // Arabic names sort on their normalized key, so hamza and alef forms or tashkeel do not scatter them.
            "name.ar": .text(TextNormalizer.normalize(entity.name.ar)),
            "name.en": .text(entity.name.en.lowercased()),
        ]
        for field in entity.kind.descriptor.sortFields {
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
