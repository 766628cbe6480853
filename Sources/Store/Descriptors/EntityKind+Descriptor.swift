extension EntityKind {
    /// The model type of the kind's rows: the Store's one switch over kinds, so the compiler asks for a new kind's model.
    var entityType: any Entity.Type {
        switch self {
        case .countries: Country.self
        case .organizations: Organization.self
        case .visits: Visit.self
        case .initiatives: Initiative.self
        case .people: Person.self
        case .places: Place.self
        case .events: Event.self
        case .declarations: Declaration.self
        case .facts: Fact.self
        }
    }

    /// Built once per kind, in `allCases` order, so `order` indexes it.
    private static let descriptors = allCases.map { $0.entityType.erasedDescriptor }

    public var descriptor: AnyEntityDescriptor { Self.descriptors[order] }
}
