import JSON
import Store

/// Infers JSON Schemas from the representations the API actually serves, so the published schemas describe the
/// data as loaded and cannot drift from it. Well-known shapes become references to shared components:
/// `{"ar","en"}` texts, `{"ar":[…],"en":[…]}` lists, `{"id","type","href"}` references, and the items of the
/// arrays named in `componentForArrayKey` (citations, cited_in, mentions), which are inferred once across every
/// entity that has them.
final class ShapeInference {
    /// Array key → the component its items are collected into.
    static let componentForArrayKey = ["citations": "Citation", "cited_in": "CitedIn", "mentions": "Mention"]

    /// Everything seen at one position of the JSON.
    final class Shape {
        var null = false, bool = false, integer = false, number = false, string = false
        var strings: Set<String> = []
        var refs: Set<String> = []
        var objects = 0
        var properties: [String: Shape] = [:]
        var presence: [String: Int] = [:]
        var arrays = 0
        var items: Shape?
    }

    private(set) var components: [String: Shape] = [:]

    /// Adds one value seen at `shape`; `key` is the member name it sits under (for arrays: the array's name).
    func add(_ value: JSONValue, to shape: Shape, key: String?, inArray: Bool = false) {
        switch value {
        case .null: shape.null = true
        case .bool: shape.bool = true
        case .number(_, let isInteger): if isInteger { shape.integer = true } else { shape.number = true }
        case .string(let s):
            shape.string = true
            shape.strings.insert(s)
        case .array(let items):
            shape.arrays += 1
            let itemShape = shape.items ?? Shape()
            shape.items = itemShape
            for item in items { add(item, to: itemShape, key: key, inArray: true) }
        case .object(let members):
            if let known = ShapeInference.knownComponent(members) {
                shape.refs.insert(known)
                return
            }
            if inArray, let key, let name = ShapeInference.componentForArrayKey[key] {
                // An item of a named array: collected into the shared component instead of this position.
                shape.refs.insert(name)
                let component = components[name] ?? Shape()
                components[name] = component
                addObject(members, to: component)
                return
            }
            addObject(members, to: shape)
        }
    }

    private func addObject(_ members: [(key: String, value: JSONValue)], to shape: Shape) {
        shape.objects += 1
        for (key, value) in members {
            let property = shape.properties[key] ?? Shape()
            shape.properties[key] = property
            shape.presence[key, default: 0] += 1
            add(value, to: property, key: key)
        }
    }

    /// The fixed components recognised by their keys alone.
    static func knownComponent(_ members: [(key: String, value: JSONValue)]) -> String? {
        let keys = members.map(\.key).sorted()
        if keys == ["ar", "en"] {
            if members.allSatisfy({ if case .string = $0.value { true } else { false } }) { return "LocalizedText" }
            if members.allSatisfy({ $0.value.arrayValue?.allSatisfy { $0.stringValue != nil } ?? false }) {
                return "LocalizedList"
            }
        }
        if keys == ["href", "id", "type"], let type = members.first(where: { $0.key == "type" })?.value.stringValue,
            EntityKind(rawValue: type) != nil
        {
            return "Reference"
        }
        return nil
    }

    /// The JSON Schema of `shape`. `requireMembers` is false where `fields=key.sub` may drop members of an object
    /// (the values of top-level keys), so only what is always there is promised.
    func schema(_ shape: Shape, requireMembers: Bool = true, enumeration: [String]? = nil) -> JSONValue {
        var alternatives: [JSONValue] = shape.refs.sorted().map { OpenAPIJSON.ref($0) }
        // With `lang=`, a localized value is the plain value in that language (`Localizer`).
        if shape.refs.contains("LocalizedText") && !shape.string {
            alternatives.append(OpenAPIJSON.type("string"))
        }
        if shape.refs.contains("LocalizedList") && shape.arrays == 0 {
            alternatives.append(OpenAPIJSON.object(["type": .string("array"), "items": OpenAPIJSON.type("string")]))
        }
        if shape.string {
            if let enumeration, shape.strings.isSubset(of: Set(enumeration)) {
                alternatives.append(
                    OpenAPIJSON.object(["type": .string("string"), "enum": OpenAPIJSON.strings(enumeration)]))
            } else {
                alternatives.append(OpenAPIJSON.type("string"))
            }
        }
        if shape.number {
            alternatives.append(OpenAPIJSON.type("number"))
        } else if shape.integer {
            alternatives.append(OpenAPIJSON.type("integer"))
        }
        if shape.bool { alternatives.append(OpenAPIJSON.type("boolean")) }
        if shape.objects > 0 { alternatives.append(objectSchema(shape, required: requireMembers ? .inferred : nil)) }
        if shape.arrays > 0 {
            let items = shape.items.map { schema($0) } ?? OpenAPIJSON.object([:])
            alternatives.append(OpenAPIJSON.object(["type": .string("array"), "items": items]))
        }
        if shape.null { alternatives.append(OpenAPIJSON.type("null")) }
        switch alternatives.count {
        case 0: return OpenAPIJSON.object([:])
        case 1: return alternatives[0]
        default:
            // Plain types merge into one `type` list; anything richer needs `anyOf`.
            let plain = alternatives.compactMap { value -> String? in
                guard case .object(let m) = value, m.count == 1, m[0].key == "type" else { return nil }
                return m[0].value.stringValue
            }
            if plain.count == alternatives.count { return OpenAPIJSON.object(["type": OpenAPIJSON.strings(plain)]) }
            return OpenAPIJSON.object(["anyOf": .array(alternatives)])
        }
    }

    /// Which members an object schema promises.
    enum Required {
        /// Those present in every instance seen.
        case inferred
        /// These only (what `fields=` always keeps).
        case exactly([String])
    }

    /// An object with every property seen, plus `overrides` (which replace or add properties). `nestedRequire` is
    /// passed to the properties' own object schemas.
    func objectSchema(
        _ shape: Shape, required: Required?, overrides: [String: JSONValue] = [:],
        enumerations: [String: [String]] = [:],
        nestedRequire: Bool = true
    ) -> JSONValue {
        var properties: [(String, JSONValue)] = []
        for key in Set(shape.properties.keys).union(overrides.keys).sorted() {
            if let override = overrides[key] {
                properties.append((key, override))
            } else if let property = shape.properties[key] {
                var inferred = schema(property, requireMembers: nestedRequire, enumeration: enumerations[key])
                if let text = ShapeInference.offsetDescriptions[key], property.integer,
                    case .object(var members) = inferred
                {
                    members.append((key: "description", value: .string(text)))
                    inferred = .object(members)
                }
                properties.append((key, inferred))
            }
        }
        var members: [(String, JSONValue)] = [
            ("type", .string("object")),
            ("properties", OpenAPIJSON.object(properties)),
            ("additionalProperties", .bool(false)),
        ]
        let names: [String] =
            switch required {
            case .inferred?: shape.properties.keys.sorted().filter { shape.presence[$0] == shape.objects }
            case .exactly(let names)?: names
            case nil: []
            }
        if !names.isEmpty { members.append(("required", OpenAPIJSON.strings(names))) }
        return OpenAPIJSON.object(members)
    }

    /// The collected named components (Citation, CitedIn, Mention), each inferred across every instance;
    /// `overrides` replaces or adds properties of a component by name.
    func componentSchemas(overrides: [String: [String: JSONValue]] = [:]) -> [(String, JSONValue)] {
        components.keys.sorted().compactMap { name in
            components[name].map { (name, objectSchema($0, required: .inferred, overrides: overrides[name] ?? [:])) }
        }
    }

    /// What an integer `start` or `end` is, wherever one is inferred (citations, mentions, uncited mentions).
    static let offsetDescriptions = [
        "start":
            "Where the span starts in the paragraph's text: Unicode scalars, or UTF-16 code units with `offsets=utf16`.",
        "end":
            "Where the span ends in the paragraph's text (exclusive): Unicode scalars, or UTF-16 code units with `offsets=utf16`.",
    ]
}
