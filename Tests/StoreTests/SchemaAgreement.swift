@testable import Store

/// Compares a descriptor's field types with a JSON Schema (as `JSONSerialization` parses it) and lists every
/// disagreement with its path, in both directions: a field the schema lacks, a property no descriptor declares, a
/// different JSON type, required-ness or reference target.
struct SchemaAgreement {
    /// The schema file's `$defs`, where `$ref`s point.
    let defs: [String: Any]
    private(set) var problems: [String] = []

    init(defs: [String: Any]) { self.defs = defs }

    mutating func compare(_ spec: ObjectSpec, _ schema: [String: Any], at path: String) {
        let object = resolved(schema)
        expect(object["type"] as? String == "object", path, "is not an object")
        expect(object["additionalProperties"] as? Bool == false, path, "allows additional properties")
        let properties = object["properties"] as? [String: Any] ?? [:]
        let fieldNames = Set(spec.fields.map(\.name))
        for name in Set(properties.keys).subtracting(fieldNames).sorted() {
            problems.append("\(path).\(name): in the JSON Schema, not in the descriptor")
        }
        for field in spec.fields {
            guard let property = properties[field.name] as? [String: Any] else {
                problems.append("\(path).\(field.name): in the descriptor, not in the JSON Schema")
                continue
            }
            compare(field.type, property, at: "\(path).\(field.name)")
        }
        let required = Set(object["required"] as? [String] ?? [])
        let expected = Set(spec.fields.filter(\.required).map(\.name))
        expect(
            required == expected, path, "required \(required.sorted()) but the descriptor requires \(expected.sorted())"
        )
    }

    mutating func compare(_ type: FieldType, _ schema: [String: Any], at path: String) {
        // The JSON Schemas name a plain id's target kind only in prose: "Plain id of an entity in `countries`".
        let target = Self.referenceTarget(schema["description"] as? String)
        if case .id = type {} else { expect(target == nil, path, "is described as a reference to \(target ?? "")") }
        switch type {
        case .string: expectType("string", schema, path)
        case .integer(let minimum):
            expectType("integer", schema, path)
            expect(schema["minimum"] as? Int == minimum, path, "has another minimum than \(minimum)")
        case .number: expectType("number", schema, path)
        case .localized: expectRef("localized", schema, path)
        case .localizedList: expectRef("localizedList", schema, path)
        case .slug: expectPattern("^[a-z0-9]+(-[a-z0-9]+)*$", schema, path)
        case .countryCode: expectPattern("^([a-z]{2}|[a-z]{4})$", schema, path)
        case .alpha3: expectPattern("^[A-Z]{3}$", schema, path)
        case .sha256Hex: expectPattern("^[0-9a-f]{64}$", schema, path)
        case .isoDate:
            expectPattern(#"^\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?$"#, schema, path)
        case .timestamp:
            expectPattern(#"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$"#, schema, path)
        case .id(let kind):
            expectType("string", schema, path)
            expect(
                target == kind.rawValue, path, "points at \(target ?? "nothing"), the descriptor at \(kind.rawValue)")
        case .reference:
            expectRef("reference", schema, path)
            let kinds = ((defs["reference"] as? [String: Any])?["properties"] as? [String: Any])?["type"]
            expect(
                (kinds as? [String: Any])?["enum"] as? [String] == EntityKind.allCases.map(\.rawValue), path,
                "reference types are not the entity kinds")
        case .enumeration(let values): expect(schema["enum"] as? [String] == values, path, "enum is not \(values)")
        case .constant(let value): expect(schema["const"] as? String == value, path, "const is not \(value)")
        case .array(let element, let nonEmpty):
            expectType("array", schema, path)
            expect((schema["minItems"] as? Int == 1) == nonEmpty, path, nonEmpty ? "may be empty" : "must not be empty")
            compare(element, schema["items"] as? [String: Any] ?? [:], at: path + "[]")
        case .object(let spec): compare(spec, schema, at: path)
        case .citation:
            expectRef("citation", schema, path)
            compare(Schema.citation, schema, at: path)
        case .uncitedMention:
            expectRef("uncitedMention", schema, path)
            compare(Schema.uncitedMention, schema, at: path)
        }
    }

    /// The kind named by "Plain id of an entity in `<kind>`", if the description says so.
    static func referenceTarget(_ description: String?) -> String? {
        guard let description, let range = description.range(of: "Plain id of an entity in `") else { return nil }
        return String(description[range.upperBound...].prefix { $0 != "`" })
    }

    private func resolved(_ schema: [String: Any]) -> [String: Any] {
        guard let ref = schema["$ref"] as? String, ref.hasPrefix("#/$defs/") else { return schema }
        return defs[String(ref.dropFirst("#/$defs/".count))] as? [String: Any] ?? [:]
    }

    private mutating func expectType(_ type: String, _ schema: [String: Any], _ path: String) {
        expect(schema["type"] as? String == type, path, "is not of type \(type)")
    }

    /// The formats the validator checks in code, as the JSON Schemas write them.
    private mutating func expectPattern(_ pattern: String, _ schema: [String: Any], _ path: String) {
        expectType("string", schema, path)
        expect(schema["pattern"] as? String == pattern, path, "pattern is not \(pattern)")
    }

    private mutating func expectRef(_ name: String, _ schema: [String: Any], _ path: String) {
        expect(schema["$ref"] as? String == "#/$defs/\(name)", path, "does not refer to $defs/\(name)")
    }

    private mutating func expect(_ condition: Bool, _ path: String, _ problem: String) {
        if !condition { problems.append("\(path): \(problem)") }
    }
}
