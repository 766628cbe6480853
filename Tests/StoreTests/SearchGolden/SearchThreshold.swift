import Foundation

/// One row of `thresholds.tsv`: the least the current search may score in a category (or `overall`), in whole
/// percent. Committed at today's figures rounded down; raised as the search improves, never lowered to let a change in.
struct SearchThreshold: Sendable {
    var category: String
    var successAt1: Int
    var recallAt10: Int

    static func load(from url: URL = GoldenFiles.thresholds) throws -> [SearchThreshold] {
        var result: [SearchThreshold] = []
        for line in try TSVFile.lines(of: url) {
            if line.fields == ["category", "min_success_at_1", "min_recall_at_10"] { continue }
            guard line.fields.count == 3, let s = Int(line.fields[1]), let r = Int(line.fields[2]),
                (0...100).contains(s), (0...100).contains(r)
            else {
                throw GoldenFileError(
                    file: url.lastPathComponent, line: line.number,
                    message: "expected category, min success@1 and min recall@10 as whole percents")
            }
            result.append(SearchThreshold(category: line.fields[0], successAt1: s, recallAt10: r))
        }
        return result
    }

    /// The thresholds file for `evaluation`'s figures of `engine`, rounded down: what to commit to raise the guard.
    static func text(for evaluation: SearchEvaluation, engine: String) -> String {
        evaluation.categories.map { category in
            let s = evaluation.score(engine, category)
            return "\(category)\t\(Int(s.successAt1.rounded(.down)))\t\(Int(s.recallAt10.rounded(.down)))"
        }.joined(separator: "\n")
    }
}
