import Store

/// success@1, recall@10 and MRR@10 over a set of queries, from the rank each query's expected entity reached.
struct RankScores: Sendable, Equatable {
    private(set) var queries = 0
    private(set) var first = 0
    private(set) var inTopTen = 0
    private(set) var reciprocalRankSum = 0.0

    /// Adds one query: `rank` is the 1-based position of its expected entity, nil when the search did not return it.
    mutating func add(rank: Int?) {
        queries += 1
        guard let rank, rank <= 10 else { return }
        inTopTen += 1
        if rank == 1 { first += 1 }
        reciprocalRankSum += 1 / Double(rank)
    }

    /// Percent of queries whose expected entity came first.
    var successAt1: Double { percent(first) }
    /// Percent of queries whose expected entity was among the first ten.
    var recallAt10: Double { percent(inTopTen) }
    /// Mean of 1/rank, counting 0 past rank ten (0…1).
    var meanReciprocalRank: Double { queries == 0 ? 0 : reciprocalRankSum / Double(queries) }

    private func percent(_ count: Int) -> Double { queries == 0 ? 0 : 100 * Double(count) / Double(queries) }

    /// The 1-based rank of `expected` among the first ten `results`, nil if absent.
    static func rank(of expected: EntityReference, in results: [EntityReference]) -> Int? {
        results.prefix(10).firstIndex(of: expected).map { $0 + 1 }
    }
}
