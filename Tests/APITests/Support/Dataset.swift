import Foundation
import TestSupport
import Testing

/// The bundled data files read with Foundation, independently of the Store module, so expectations come from
/// the data and not from the code under test.
enum Dataset {
    static let kinds = [
        "countries", "organizations", "visits", "initiatives", "people", "places", "events", "declarations", "facts",
    ]

    /// The rows of `Resources/data/<kind>.json`, in file order.
    static func rows(_ kind: String) throws -> [[String: Any]] {
        let url = RepositoryPaths.resources.appendingPathComponent("data/\(kind).json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        return try #require(object[kind] as? [[String: Any]], "\(kind).json has no '\(kind)' array")
    }

    static func ids(_ kind: String) throws -> [String] {
        try rows(kind).map { try #require($0["id"] as? String) }
    }

    static func row(_ kind: String, _ id: String) throws -> [String: Any] {
        try #require(try rows(kind).first { $0["id"] as? String == id }, "no \(kind)/\(id) in the data")
    }

    /// The source document's metadata (`Resources/sources/*.json`).
    static func source() throws -> [String: Any] {
        let dir = RepositoryPaths.resources.appendingPathComponent("sources")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".json") }
            .sorted()
        let first = try #require(files.first)
        return try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent(first)))
                as? [String: Any])
    }

    /// The paragraphs of the source text: one per non-empty line.
    static func paragraphs() throws -> [String] {
        let meta = try source()
        let file = try #require(meta["text_file"] as? String)
        let url = RepositoryPaths.resources.appendingPathComponent("sources/\(file)")
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }

    /// Every paragraph number cited anywhere inside a row (its own citations and those of nested relations).
    static func citedParagraphs(_ row: [String: Any]) -> Set<Int> {
        var out: Set<Int> = []
        func walk(_ value: Any, underCitations: Bool) {
            if let object = value as? [String: Any] {
                if underCitations, let n = object["paragraph"] as? Int { out.insert(n) }
                for (key, member) in object { walk(member, underCitations: key == "citations") }
            } else if let array = value as? [Any] {
                for member in array { walk(member, underCitations: underCitations) }
            }
        }
        walk(row, underCitations: false)
        return out
    }

    /// A string at a dotted path (`name.ar`, `date.value`), or nil.
    static func string(_ row: [String: Any], _ path: String) -> String? {
        var value: Any? = row
        for key in path.split(separator: ".") { value = (value as? [String: Any])?[String(key)] }
        return value as? String
    }

    /// Ids of a typed reference list (`[{"type","id"}]`) or a single typed reference.
    static func referenceIDs(_ value: Any?) -> [String] {
        if let one = value as? [String: Any], let id = one["id"] as? String { return [id] }
        return (value as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }
}
