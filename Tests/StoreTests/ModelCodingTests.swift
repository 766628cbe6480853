import Foundation
import TestSupport
import Testing

@testable import Store

/// The models' `CodingKeys` are the one place besides the descriptors that spell the JSON names. The data files are
/// validated against the descriptors, so a model that writes back exactly what its file holds agrees with them: a
/// misspelt key loses an optional field here (or fails decoding for a required one).
@Suite struct ModelCodingTests {
    let store: Store

    init() throws { store = try Store.load(from: RepositoryPaths.resources.path) }

    private func fileObjects(_ kind: EntityKind) throws -> [NSDictionary] {
        let url = URL(fileURLWithPath: RepositoryPaths.resources.path + "/data/\(kind.rawValue).json")
        let file = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        return try #require(file[kind.rawValue] as? [NSDictionary])
    }

    private func encoded(_ entity: any Entity) throws -> NSDictionary {
        try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(entity)) as? NSDictionary)
    }

    @Test(arguments: EntityKind.allCases)
    func everyEntity_encodesBackToItsDataFileObject(kind: EntityKind) throws {
        let objects = try fileObjects(kind)
        let entities = store.entities(of: kind)
        #expect(entities.count == objects.count)
        for (entity, object) in zip(entities, objects) {
            let back = try encoded(entity)
            #expect(back.isEqual(to: object as? [AnyHashable: Any] ?? [:]), "\(kind.rawValue)/\(entity.id)")
        }
    }

    @Test func aFieldTheModelDoesNotRead_isNotWrittenBack() throws {
        let visit = try #require(store.entities(of: Visit.self).first)
        let object = try #require(try fileObjects(.visits).first?.mutableCopy() as? NSMutableDictionary)
        object["visitor_mood"] = "cheerful"
        #expect(!(try encoded(visit)).isEqual(to: object as? [AnyHashable: Any] ?? [:]))
    }
}
