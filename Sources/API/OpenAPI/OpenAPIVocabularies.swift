import JSON

/// Collects the closed vocabularies of the query parameters (sort keys, field names, relation names, a filter's
/// values) into `components.schemas`, each once under a readable name (`CountrySortKey`): a generator makes one
/// enum type of each, shared by every operation that takes it, instead of one per operation and parameter.
final class OpenAPIVocabularies {
    private var values: [String: [String]] = [:]
    private(set) var components: [(String, JSONValue)] = []

    /// A `$ref` to the string enum `name` of `allowed`, registered on first use. The same name with other values
    /// (two grammars of one prefix disagreeing) gets a numbered name rather than a wrong enum.
    func reference(_ name: String, _ allowed: [String]) -> JSONValue {
        var candidate = name
        var n = 2
        while let existing = values[candidate], existing != allowed {
            candidate = "\(name)\(n)"
            n += 1
        }
        if values[candidate] == nil {
            values[candidate] = allowed
            components.append(
                (candidate, OpenAPIJSON.object(["type": .string("string"), "enum": OpenAPIJSON.strings(allowed)])))
        }
        return OpenAPIJSON.ref(candidate)
    }
}
