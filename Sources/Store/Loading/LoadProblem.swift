/// One thing wrong with the data directory: which file, where in it (a JSON path such as
/// `$.countries[0].name.en`), and what.
public struct LoadProblem: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// Relative to the data directory, e.g. `data/countries.json`.
    public var file: String
    public var path: String
    public var message: String

    public init(file: String, path: String, message: String) {
        self.file = file
        self.path = path
        self.message = message
    }

    public var description: String { "\(file): \(path): \(message)" }
}

/// Every problem found while loading, reported at once so a curator can fix them in one pass.
public struct StoreLoadError: Error, Sendable, CustomStringConvertible {
    public var problems: [LoadProblem]

    public init(problems: [LoadProblem]) { self.problems = problems }

    /// One line per problem: `file: $.json.path: message`.
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// Collects problems while the loader walks files; never throws mid-way.
struct ProblemLog {
    private(set) var problems: [LoadProblem] = []

    mutating func add(_ file: String, _ path: JSONPath, _ message: String) {
        problems.append(LoadProblem(file: file, path: path.description, message: message))
    }

    mutating func add(_ file: String, _ path: String, _ message: String) {
        problems.append(LoadProblem(file: file, path: path, message: message))
    }

    var isEmpty: Bool { problems.isEmpty }
}

/// A JSON path in the `$.a[0].b` notation; keys that are not plain identifiers are bracketed.
struct JSONPath: CustomStringConvertible, Sendable {
    private var text: String

    static let root = JSONPath(text: "$")

    func key(_ key: String) -> JSONPath {
        let plain =
            !key.isEmpty
            && key.unicodeScalars.allSatisfy {
                ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9") || $0 == "_"
            }
        if plain { return JSONPath(text: text + "." + key) }
        let escaped = key.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"")
        return JSONPath(text: text + "[\"" + escaped + "\"]")
    }

    func index(_ i: Int) -> JSONPath { JSONPath(text: text + "[\(i)]") }

    var description: String { text }
}
