import JSON
import Store

/// Collects parameter objects into `components.parameters`, so the many routes that share a grammar share one
/// definition (the filters of a kind list every id; repeating them under every path made the document 3× larger).
final class OpenAPIParameterRegistry {
    /// Parameters that mean the same everywhere (`QueryParameter.meansTheSameEverywhere`) keep their bare name; the
    /// others are named `scope.name`.
    /// (scope of a non-shared parameter, its bytes) → its name.
    private var names: [String: [[UInt8]: String]] = [:]
    private var taken: Set<String> = []
    private(set) var components: [(String, JSONValue)] = []

    /// A `$ref` to `parameter`, registered under a name on first use.
    func reference(_ parameter: JSONValue, scope: String) -> JSONValue {
        let key = JSONWriter.write(parameter)
        let base = parameter["name"]?.stringValue ?? "parameter"
        let isShared = QueryParameter(rawValue: base)?.meansTheSameEverywhere ?? false || scope.isEmpty
        let group = isShared ? "" : scope
        if let name = names[group]?[key] { return OpenAPIJSON.ref(name, in: "parameters") }
        // Component names allow only letters, digits, `.`, `-` and `_`: `fields[countries]` is filed as
        // `fields_countries`.
        let plain = base.replacingBrackets()
        var name = isShared ? plain : "\(scope).\(plain)"
        var n = 2
        while taken.contains(name) {
            name = "\(scope.isEmpty ? plain : "\(scope).\(plain)")-\(n)"
            n += 1
        }
        taken.insert(name)
        names[group, default: [:]][key] = name
        components.append((name, parameter))
        return OpenAPIJSON.ref(name, in: "parameters")
    }
}

extension String {
    /// `fields[countries]` → `fields_countries`.
    fileprivate func replacingBrackets() -> String {
        String(compactMap { $0 == "[" ? "_" : $0 == "]" ? nil : $0 })
    }
}
