/// A kind's descriptor with its model type erased, and the facts derived from it once, for code that handles every
/// kind alike (the loader, the catalog, the OpenAPI document).
public struct AnyEntityDescriptor: Sendable {
    /// The entity object as the data file holds it.
    let spec: ObjectSpec
    /// Top-level fields a collection may be sorted by, in field order.
    public let sortFields: [String]
    /// Plain-id fields, at any depth, by JSON name → the kind they point at (`visitor_country` → countries). Typed
    /// `{"type", "id"}` references name their kind themselves and are not listed.
    public let referenceFields: [String: EntityKind]
    /// Top-level fields that take one of a fixed set of strings → those strings.
    public let enumerations: [String: [String]]
    public let filters: [AnyEntityFilter]

    init<E: Entity>(_ descriptor: EntityDescriptor<E>) {
        spec = descriptor.spec
        sortFields = spec.fields.filter(\.isSortable).map(\.name)
        var references: [String: EntityKind] = [:]
        for field in spec.fields { Self.collectReferences(field.name, field.type, into: &references) }
        referenceFields = references
        var enumerations: [String: [String]] = [:]
        for field in spec.fields {
            if case .enumeration(let values) = field.type { enumerations[field.name] = values }
        }
        self.enumerations = enumerations
        filters = descriptor.filters.map(AnyEntityFilter.init)
    }

    /// The JSON name of a plain-id field names what it points at wherever it occurs (a test checks that no name
    /// points at two kinds), so the representer can rewrite references by name.
    private static func collectReferences(_ name: String, _ type: FieldType, into table: inout [String: EntityKind]) {
        switch type {
        case .id(let target): table[name] = target
        case .array(let element, _): collectReferences(name, element, into: &table)
        case .object(let spec):
            for field in spec.fields { collectReferences(field.name, field.type, into: &table) }
        default: break
        }
    }
}

extension Entity {
    static var erasedDescriptor: AnyEntityDescriptor { AnyEntityDescriptor(descriptor) }
}
