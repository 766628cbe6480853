/// A parsed JSON document, kept generic so the validator can walk it and report every problem
/// with its JSON path before anything is decoded into typed models. The API builds its response bodies
/// from these too, and writes them with `JSONWriter`.
///
/// This target is a leaf (it imports nothing, not even Foundation), so the engine, the store and the API all share
/// one JSON value, one parser and one writer with one escaper.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// The number's value plus whether its literal was an integer (no fraction or exponent).
    case number(Double, isInteger: Bool)
    case string(String)
    case array([JSONValue])
    /// Members in document order; duplicate keys are kept so the validator can report them.
    case object([(key: String, value: JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a, let ai), .number(let b, let bi)): return a == b && ai == bi
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    /// The name used in "expected X, found Y" messages.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .number(_, let isInteger): return isInteger ? "integer" : "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    public var objectMembers: [(key: String, value: JSONValue)]? {
        if case .object(let m) = self { return m }
        return nil
    }

    public static func integer(_ n: Int) -> JSONValue { .number(Double(n), isInteger: true) }
}
