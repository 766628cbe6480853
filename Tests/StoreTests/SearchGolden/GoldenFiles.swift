import Foundation
import TestSupport

/// The files of the search evaluation, all in `Tests/StoreTests/SearchGolden/`.
enum GoldenFiles {
    static let directory = RepositoryPaths.tests("StoreTests").appendingPathComponent("SearchGolden")
    /// The golden queries: category, query, expected entity, comment.
    static let queries = directory.appendingPathComponent("queries.tsv")
    /// Today's search, frozen: its top ten for every golden query (the "before" column).
    static let baselineBefore = directory.appendingPathComponent("baseline-before.tsv")
    /// The regression guard: the least success@1 and recall@10 the current search may score per category.
    static let thresholds = directory.appendingPathComponent("thresholds.tsv")
}

/// A problem in one of the golden files, named by file and line.
struct GoldenFileError: Error, CustomStringConvertible {
    var file: String
    var line: Int
    var message: String

    var description: String { "\(file):\(line): \(message)" }
}

/// One data line of a tab-separated golden file.
struct TSVLine {
    /// 1-based, for error messages.
    var number: Int
    /// Every field, empty ones included (a recorded query with no hits ends in a tab).
    var fields: [String]
}

/// The reader the three golden files share: UTF-8, `#` comments and blank lines skipped, tabs between fields.
enum TSVFile {
    static func lines(of url: URL) throws -> [TSVLine] {
        let text = try String(contentsOf: url, encoding: .utf8)
        var result: [TSVLine] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            result.append(TSVLine(number: index + 1, fields: fields))
        }
        return result
    }
}
