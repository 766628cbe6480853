import TestSupport
import Testing

@testable import Store

/// What the API derives from the descriptors: reference targets, sort fields and filters.
@Suite struct DescriptorTests {
    let store: Store

    init() throws { store = try Store.load(from: RepositoryPaths.resources.path) }

    /// Every plain-id field, at any depth, with the kind it points at.
    private func idFields(_ spec: ObjectSpec) -> [(String, EntityKind)] {
        func walk(_ name: String, _ type: FieldType) -> [(String, EntityKind)] {
            switch type {
            case .id(let kind): [(name, kind)]
            case .array(let element, _): walk(name, element)
            case .object(let spec): spec.fields.flatMap { walk($0.name, $0.type) }
            default: []
            }
        }
        return spec.fields.flatMap { walk($0.name, $0.type) }
    }

    @Test(arguments: EntityKind.allCases)
    func referenceFields_nameEveryPlainIDField_withItsOneTarget(kind: EntityKind) {
        let fields = idFields(kind.descriptor.spec)
        for (name, target) in fields { #expect(kind.descriptor.referenceFields[name] == target, "\(name)") }
        #expect(Set(kind.descriptor.referenceFields.keys) == Set(fields.map(\.0)))
    }

    @Test func referenceFields_ofVisits_pointAtPeopleCountriesPlacesAndEvents() {
        #expect(
            EntityKind.visits.descriptor.referenceFields == [
                "visitor": .people, "visitor_country": .countries, "host_country": .countries, "city": .places,
                "after_event": .events,
            ])
        #expect(EntityKind.countries.descriptor.referenceFields == ["organization": .organizations])
        #expect(EntityKind.facts.descriptor.referenceFields == [:])
    }

    @Test(arguments: EntityKind.allCases)
    func sortFields_areTopLevelFieldsOfTheKind(kind: EntityKind) {
        let names = Set(kind.descriptor.spec.fields.map(\.name))
        #expect(kind.descriptor.sortFields.allSatisfy(names.contains))
    }

    @Test func sortFields_ofEvents_areDateThenEventType() {
        #expect(EntityKind.events.descriptor.sortFields == ["date", "event_type"])
        #expect(EntityKind.initiatives.descriptor.sortFields == [])
    }

    /// A filter's values for a row are values the filter accepts, so every row can be found by its own values.
    @Test(arguments: EntityKind.allCases)
    func filters_extractOnlyValuesTheyAccept(kind: EntityKind) {
        let allIDs = Set(EntityKind.allCases.flatMap { store.entities(of: $0).map(\.id) })
        for filter in kind.descriptor.filters {
            let accepted: Set<String> =
                switch filter.values {
                case .ids(let target): Set(store.entities(of: target).map(\.id))
                case .anyID: allIDs
                case .enumeration(let values): Set(values)
                }
            let extracted = store.entities(of: kind).flatMap { filter.values(of: $0, in: store) }
            #expect(!extracted.isEmpty, "\(kind.rawValue)?\(filter.name) matches no row")
            #expect(extracted.allSatisfy(accepted.contains), "\(kind.rawValue)?\(filter.name)")
        }
    }

    @Test func filter_ofVisits_byHost_readsTheHostCountry() throws {
        let host = try #require(EntityKind.visits.descriptor.filters.first { $0.name == "host" })
        let visits = store.entities(of: Visit.self)
        #expect(visits.map { host.values(of: $0, in: store) } == visits.map { [$0.hostCountry] })
    }

    @Test func filter_appliedToAnotherKindsRow_hasNoValues() throws {
        let host = try #require(EntityKind.visits.descriptor.filters.first { $0.name == "host" })
        let country = try #require(store.entities(of: .countries).first)
        #expect(host.values(of: country, in: store) == [])
    }

    @Test func store_tableHoldsEachKindAsItsModelType() {
        for kind in EntityKind.allCases {
            #expect(store.entities(of: kind).allSatisfy { type(of: $0) == kind.entityType }, "\(kind.rawValue)")
        }
        #expect(store.entity(.countries, id: "kz")?.id == "kz")
        #expect(store.entity(.countries, id: "astana") == nil)
    }
}
