import Foundation
import TestSupport
import Testing

@testable import Store

/// Resources/schema/*.schema.json are the published contract; the descriptors are what the loader, the API and
/// the OpenAPI document derive from. These tests keep the two the same, field by field.
@Suite struct SchemaFileTests {
    private func load(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: RepositoryPaths.resources.appendingPathComponent("schema/" + name))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    private func entitySchema(_ kind: EntityKind) throws -> (entity: [String: Any], defs: [String: Any]) {
        let schema = try load("\(kind.rawValue).schema.json")
        let defs = try #require(schema["$defs"] as? [String: Any])
        return (try #require(defs["entity"] as? [String: Any]), defs)
    }

    @Test(arguments: EntityKind.allCases)
    func entitySchema_agreesWithTheDescriptor_fieldByField(kind: EntityKind) throws {
        let (entity, defs) = try entitySchema(kind)
        var agreement = SchemaAgreement(defs: defs)
        agreement.compare(kind.descriptor.spec, entity, at: kind.rawValue)
        #expect(agreement.problems == [])
    }

    @Test(arguments: EntityKind.allCases)
    func entitySchema_wrapsTheEntitiesInTheCollectionKey(kind: EntityKind) throws {
        let schema = try load("\(kind.rawValue).schema.json")
        #expect((schema["required"] as? [String]) == [kind.rawValue])
        let items = (schema["properties"] as? [String: Any])?[kind.rawValue] as? [String: Any]
        #expect(items?["type"] as? String == "array")
        #expect((items?["items"] as? [String: Any])?["$ref"] as? String == "#/$defs/entity")
    }

    @Test func agreement_reportsAReferenceToTheWrongKind_aMissingField_andAnExtraProperty() throws {
        let (schema, defs) = try entitySchema(.visits)
        var entity = schema
        var properties = try #require(entity["properties"] as? [String: Any])
        properties["host_country"] = [
            "type": "string", "minLength": 1, "description": "Plain id of an entity in `people` (the host).",
        ]
        properties["notable"] = nil
        properties["weather"] = ["type": "string"]
        entity["properties"] = properties
        var agreement = SchemaAgreement(defs: defs)
        agreement.compare(EntityKind.visits.descriptor.spec, entity, at: "visits")
        #expect(
            agreement.problems == [
                "visits.weather: in the JSON Schema, not in the descriptor",
                "visits.host_country: points at people, the descriptor at countries",
                "visits.notable: in the descriptor, not in the JSON Schema",
            ])
    }

    @Test func agreement_reportsAnOptionalFieldTheSchemaRequires() throws {
        let (schema, defs) = try entitySchema(.events)
        var entity = schema
        entity["required"] = (entity["required"] as? [String] ?? []) + ["place"]
        var agreement = SchemaAgreement(defs: defs)
        agreement.compare(EntityKind.events.descriptor.spec, entity, at: "events")
        #expect(agreement.problems.count == 1)
        #expect(agreement.problems.first?.hasPrefix("events: required") == true)
    }

    @Test func sourceSchema_agreesWithTheLoader() throws {
        let schema = try load("source.schema.json")
        var agreement = SchemaAgreement(defs: schema["$defs"] as? [String: Any] ?? [:])
        agreement.compare(Schema.sourceMetadata, schema, at: "source")
        #expect(agreement.problems == [])
    }

    @Test func alternateNamesSchema_agreesWithTheLoader() throws {
        let schema = try load("alternate-names.schema.json")
        var agreement = SchemaAgreement(defs: schema["$defs"] as? [String: Any] ?? [:])
        agreement.compare(Schema.lexicon, schema, at: "alternate-names")
        #expect(agreement.problems == [])
    }

    @Test func citationSchema_documentsScalarOffsets() throws {
        let schema = try load("facts.schema.json")
        let citation = try #require((schema["$defs"] as? [String: Any])?["citation"] as? [String: Any])
        let description = try #require(citation["description"] as? String)
        #expect(description.contains("Unicode scalars"))
    }
}
