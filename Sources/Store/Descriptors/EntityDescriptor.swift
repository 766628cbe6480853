/// Everything the server knows about one entity kind beyond its Swift model, written once: the fields its data file
/// holds (JSON name, type, reference target, whether it sorts) and the named filters of its collection. The loader's
/// validation, the API's reference links, sort keys and filters, and the OpenAPI document are all derived from it.
public struct EntityDescriptor<E: Entity>: Sendable {
    /// The fields only this kind has, in the order its data file writes them; the common fields (`id`, `name`, …,
    /// `citations`, `notes`) go around them (`Schema.entity`).
    let specific: [Field]
    let filters: [EntityFilter<E>]
    /// The format of the kind's own ids.
    let id: FieldType

    init(id: FieldType = .slug, fields: [Field], filters: [EntityFilter<E>]) {
        self.id = id
        self.specific = fields
        self.filters = filters
    }

    /// The whole entity object: the common fields around the kind's own.
    var spec: ObjectSpec { Schema.entity(id: id, specific: specific) }
}
