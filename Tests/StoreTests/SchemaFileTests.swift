import Foundation
import TestSupport
import Testing

@testable import Store

/// Resources/schema/*.schema.json publish the same shape the loader enforces.
@Suite struct SchemaFileTests {
    private func load(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: RepositoryPaths.resources.appendingPathComponent("schema/" + name))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test(arguments: EntityKind.allCases)
    func entitySchema_listsTheValidatorsFields(kind: EntityKind) throws {
        let schema = try load("\(kind.rawValue).schema.json")
        let defs = try #require(schema["$defs"] as? [String: Any])
        let entity = try #require(defs["entity"] as? [String: Any])
        let properties = try #require(entity["properties"] as? [String: Any])
        let required = try #require(entity["required"] as? [String])
        let spec = Schema.spec(for: kind)
        #expect(Set(properties.keys) == Set(spec.fields.map(\.name)))
        #expect(Set(required) == Set(spec.fields.filter(\.required).map(\.name)))
        #expect(entity["additionalProperties"] as? Bool == false)
        #expect((schema["required"] as? [String]) == [kind.rawValue])
    }

    @Test func sourceSchema_listsTheValidatorsFields() throws {
        let schema = try load("source.schema.json")
        let properties = try #require(schema["properties"] as? [String: Any])
        let required = try #require(schema["required"] as? [String])
        #expect(Set(properties.keys) == Set(Schema.sourceMetadata.fields.map(\.name)))
        #expect(Set(required) == Set(Schema.sourceMetadata.fields.filter(\.required).map(\.name)))
    }

    @Test func citationSchema_documentsScalarOffsets() throws {
        let schema = try load("facts.schema.json")
        let citation = try #require((schema["$defs"] as? [String: Any])?["citation"] as? [String: Any])
        let description = try #require(citation["description"] as? String)
        #expect(description.contains("Unicode scalars"))
        #expect(
            Set(try #require(citation["properties"] as? [String: Any]).keys) == Set(Schema.citation.fields.map(\.name)))
    }
}
