/// A `JSONObjectSink` that collects an object's members as a `JSONValue` tree.
public struct JSONTreeSink: JSONObjectSink {
    public private(set) var members: [(key: String, value: JSONValue)] = []

    public init() {}

    /// The object `write` emits.
    public static func object(_ write: (inout JSONTreeSink) -> Void) -> JSONValue {
        var sink = JSONTreeSink()
        write(&sink)
        return .object(sink.members)
    }

    public mutating func member(_ key: JSONKey, _ value: String) {
        members.append((key: key.name, value: .string(value)))
    }

    public mutating func member(_ key: JSONKey, _ value: Int) {
        members.append((key: key.name, value: .integer(value)))
    }

    public mutating func member(_ key: JSONKey, encoded value: EncodedJSON) {
        members.append((key: key.name, value: value.value))
    }

    public mutating func member(_ key: JSONKey, json value: JSONValue) {
        members.append((key: key.name, value: value))
    }

    public mutating func member(_ key: JSONKey, object write: (inout JSONTreeSink) -> Void) {
        members.append((key: key.name, value: Self.object(write)))
    }

    public mutating func member<Elements: Collection>(
        _ key: JSONKey, objects elements: Elements, _ write: (Elements.Element, inout JSONTreeSink) -> Void
    ) {
        members.append((key: key.name, value: .array(elements.map { e in Self.object { write(e, &$0) } })))
    }
}
