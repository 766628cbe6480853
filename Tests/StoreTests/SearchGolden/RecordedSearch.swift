import Foundation
import Store

/// A search's answers written down once and replayed: the "before" column stays today's search after the code
/// changes. `baseline-before.tsv` holds one row per query: the query, a tab, then up to ten `kind/id` separated by
/// spaces (nothing after the tab when the search found nothing).
enum RecordedSearch {
    /// Query → recorded entities, best first.
    static func load(from url: URL = GoldenFiles.baselineBefore) throws -> [String: [EntityReference]] {
        var table: [String: [EntityReference]] = [:]
        for line in try TSVFile.lines(of: url) {
            let fail = { (message: String) in
                GoldenFileError(file: url.lastPathComponent, line: line.number, message: message)
            }
            guard line.fields.count == 2 else { throw fail("expected query, a tab, then the references") }
            var references: [EntityReference] = []
            for text in line.fields[1].split(separator: " ") {
                guard let reference = GoldenQuery.parseReference(String(text)) else {
                    throw fail("«\(text)» is not a kind/id reference")
                }
                references.append(reference)
            }
            guard table.updateValue(references, forKey: line.fields[0]) == nil else {
                throw fail("the query «\(line.fields[0])» is recorded twice")
            }
        }
        return table
    }

    /// The file's text: `header` (each line becomes a `#` comment), then one row per query in the order given.
    static func text(header: [String], rows: [(query: String, results: [EntityReference])]) -> String {
        var text = header.map { "# \($0)\n" }.joined()
        for row in rows {
            text += row.query + "\t" + row.results.prefix(10).map(\.description).joined(separator: " ") + "\n"
        }
        return text
    }
}

extension SearchUnderTest {
    /// Replays recorded answers. A query that was not recorded finds nothing, so it counts as a miss (the report
    /// says how many there are).
    static func recorded(_ name: String, _ table: [String: [EntityReference]]) -> SearchUnderTest {
        SearchUnderTest(name: name) { table[$0] ?? [] }
    }
}
