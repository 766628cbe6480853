import JSON
import Store

/// Short constructors for the JSON the document is made of. The writer sorts keys, so member order here is only
/// for the reader of this code.
enum OpenAPIJSON {
    static func object(_ members: KeyValuePairs<String, JSONValue>) -> JSONValue {
        .object(members.map { (key: $0.key, value: $0.value) })
    }

    static func object(_ members: [(String, JSONValue)]) -> JSONValue {
        .object(members.map { (key: $0.0, value: $0.1) })
    }

    static func string(_ s: String) -> JSONValue { .string(s) }

    static func strings(_ items: [String]) -> JSONValue { .array(items.map(JSONValue.string)) }

    /// `{"$ref": "#/components/<section>/<name>"}`.
    static func ref(_ name: String, in section: String = "schemas") -> JSONValue {
        object(["$ref": .string("#/components/\(section)/\(name)")])
    }

    static func type(_ name: String) -> JSONValue { object(["type": .string(name)]) }
}
