import Foundation
import Store

/// One row of `queries.tsv`: what a person types and the one entity it means.
struct GoldenQuery: Sendable {
    var line: Int
    var category: String
    var query: String
    var expected: EntityReference
    var comment: String

    /// The categories of issue 13, in the order the report prints them.
    static let categories = [
        "text-spelling", "proclitic", "adjective", "plural", "diacritics-tatweel", "presentation-forms",
        "transliteration", "typo", "title-role", "stop-words", "acronym", "english",
    ]

    /// Every row of the golden file, in file order; a malformed row throws with its line number.
    static func load(from url: URL = GoldenFiles.queries) throws -> [GoldenQuery] {
        var result: [GoldenQuery] = []
        for line in try TSVFile.lines(of: url) {
            let fail = { (message: String) in
                GoldenFileError(file: url.lastPathComponent, line: line.number, message: message)
            }
            let fields = line.fields
            if fields == ["category", "query", "expected", "comment"] { continue }
            guard fields.count == 3 || fields.count == 4 else {
                throw fail("expected 3 or 4 tab-separated fields, found \(fields.count)")
            }
            let query = fields[1]
            guard !query.isEmpty, query == query.trimmingCharacters(in: .whitespaces) else {
                throw fail("the query is empty or has leading or trailing spaces")
            }
            guard let expected = parseReference(fields[2]) else {
                throw fail("«\(fields[2])» is not a kind/id reference")
            }
            result.append(
                GoldenQuery(
                    line: line.number, category: fields[0], query: query, expected: expected,
                    comment: fields.count == 4 ? fields[3] : ""))
        }
        return result
    }

    /// `kind/id` as an entity reference; nil when the kind is unknown or the id empty.
    static func parseReference(_ text: String) -> EntityReference? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let kind = EntityKind(rawValue: String(parts[0])), !parts[1].isEmpty else {
            return nil
        }
        return EntityReference(type: kind, id: String(parts[1]))
    }
}
