import Foundation
import Store

/// Every golden query run through every search, scored per category and overall.
struct SearchEvaluation: Sendable {
    /// One query's outcome under one search.
    struct Outcome: Sendable {
        var query: GoldenQuery
        var rank: Int?
        var results: [EntityReference]
    }

    static let overall = "overall"

    let engines: [String]
    /// Categories in report order (the known ones first, then any other the file uses), then `overall`.
    let categories: [String]
    /// Search name → category (and `overall`) → scores.
    let scores: [String: [String: RankScores]]
    /// Search name → every query's outcome, in file order.
    let outcomes: [String: [Outcome]]

    init(queries: [GoldenQuery], searches: [SearchUnderTest]) {
        let used = Set(queries.map(\.category))
        let extra = used.subtracting(GoldenQuery.categories).sorted()
        categories = GoldenQuery.categories.filter(used.contains) + extra + [Self.overall]
        engines = searches.map(\.name)
        var scores: [String: [String: RankScores]] = [:]
        var outcomes: [String: [Outcome]] = [:]
        for search in searches {
            var perCategory: [String: RankScores] = [:]
            outcomes[search.name] = queries.map { query in
                let results = Array(search.rank(query.query).prefix(10))
                let rank = RankScores.rank(of: query.expected, in: results)
                perCategory[query.category, default: RankScores()].add(rank: rank)
                perCategory[Self.overall, default: RankScores()].add(rank: rank)
                return Outcome(query: query, rank: rank, results: results)
            }
            scores[search.name] = perCategory
        }
        self.scores = scores
        self.outcomes = outcomes
    }

    func score(_ engine: String, _ category: String) -> RankScores {
        scores[engine]?[category] ?? RankScores()
    }

    /// The side-by-side table: per category, for each search, success@1 %, recall@10 % and MRR@10.
    func table(title: String) -> String {
        func right(_ text: String, _ width: Int) -> String {
            String(repeating: " ", count: max(0, width - text.count)) + text
        }
        func left(_ text: String) -> String { text.padding(toLength: 19, withPad: " ", startingAt: 0) }
        var lines = [title, left("") + right("", 5) + engines.map { " | " + right($0, 20) }.joined()]
        let headings = " | " + right("S@1", 6) + right("R@10", 7) + right("MRR", 7)
        lines.append(left("category") + right("n", 5) + String(repeating: headings, count: engines.count))
        for category in categories {
            let cells = engines.map { engine in
                let s = score(engine, category)
                return " | " + right(String(format: "%.1f", s.successAt1), 6)
                    + right(String(format: "%.1f", s.recallAt10), 7)
                    + right(String(format: "%.3f", s.meanReciprocalRank), 7)
            }
            lines.append(
                left(category) + right(String(engines.first.map { score($0, category).queries } ?? 0), 5)
                    + cells.joined())
        }
        return lines.joined(separator: "\n")
    }

    /// The queries `engine` did not answer with the expected entity first: rank (or "-") and its top three.
    func misses(_ engine: String) -> String {
        (outcomes[engine] ?? []).filter { $0.rank != 1 }.map { outcome in
            let rank = outcome.rank.map(String.init) ?? "-"
            let top = outcome.results.prefix(3).map(\.description).joined(separator: " ")
            return "\(outcome.query.category)\t\(outcome.query.query)\t\(outcome.query.expected)\trank \(rank)\t\(top)"
        }.joined(separator: "\n")
    }
}
