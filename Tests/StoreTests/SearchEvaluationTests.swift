import Foundation
import TestSupport
import Testing

@testable import Store

/// Search measured against the golden queries (issue 13): the current search, today's search as recorded before the
/// rewrite, and a light10-only baseline, side by side per category. Prints the table; fails when the current search
/// drops below a committed threshold in any category.
///
/// Environment:
/// - `SEARCH_GOLDEN_VERBOSE=1`: also print the current search's misses and the thresholds its figures would allow.
/// - `SEARCH_GOLDEN_RECORD_BEFORE=1`: rewrite `baseline-before.tsv` from the current search. Only ever meaningful
///   before the search changes: that file is what "before" means.
@Suite struct SearchEvaluationTests {
    let store: Store
    let golden: [GoldenQuery]

    init() throws {
        store = try Store.load(from: RepositoryPaths.resources.path)
        golden = try GoldenQuery.load()
    }

    private static let environment = ProcessInfo.processInfo.environment

    // MARK: - The golden file is well-formed

    @Test func goldenFile_holdsAtLeast300Queries_eachOnce() {
        #expect(golden.count >= 300)
        var lines: [String: Int] = [:]
        for row in golden {
            if let first = lines.updateValue(row.line, forKey: row.query) {
                Issue.record("«\(row.query)» is on lines \(first) and \(row.line)")
            }
        }
    }

    @Test func goldenFile_usesOnlyTheIssueCategories_atLeast15RowsEach() {
        let counts = Dictionary(grouping: golden, by: \.category).mapValues(\.count)
        for (category, _) in counts where !GoldenQuery.categories.contains(category) {
            Issue.record("unknown category «\(category)»")
        }
        for category in GoldenQuery.categories {
            #expect(counts[category, default: 0] >= 15, "\(category) has \(counts[category, default: 0]) rows")
        }
    }

    @Test func goldenFile_everyExpectedEntityExistsInTheStore() {
        for row in golden where store.entity(row.expected) == nil {
            Issue.record("line \(row.line): \(row.expected) is not in the store")
        }
    }

    /// Those rows test the folding of presentation forms, so they must hold no ordinary Arabic letter.
    @Test func goldenFile_presentationFormRows_holdOnlyPresentationForms() {
        let rows = golden.filter { $0.category == "presentation-forms" }
        #expect(!rows.isEmpty)
        for row in rows {
            let scalars = row.query.unicodeScalars
            let forms = scalars.filter { (0xFB50...0xFDFF).contains($0.value) || (0xFE70...0xFEFF).contains($0.value) }
            let ordinary = scalars.filter { (0x0600...0x06FF).contains($0.value) }
            #expect(!forms.isEmpty && ordinary.isEmpty, "line \(row.line): «\(row.query)»")
        }
    }

    @Test func thresholds_nameEveryCategoryAndOverall_once() throws {
        let named = try SearchThreshold.load().map(\.category)
        #expect(named.count == Set(named).count, "a category has two thresholds")
        let needed = Set(golden.map(\.category)).union([SearchEvaluation.overall])
        #expect(needed.subtracting(named).isEmpty, "no threshold for \(needed.subtracting(named).sorted())")
        #expect(Set(named).subtracting(needed).isEmpty, "thresholds for no rows: \(Set(named).subtracting(needed))")
    }

    // MARK: - The evaluation

    @Test func currentSearch_holdsTheCommittedThresholds_inEveryCategory() throws {
        let recorded = try RecordedSearch.load()
        let evaluation = SearchEvaluation(
            queries: golden,
            searches: [.current(store), .recorded("before", recorded), .light10(store)])
        let unrecorded = golden.filter { recorded[$0.query] == nil }.count
        let note = unrecorded == 0 ? "" : " (\(unrecorded) queries not recorded: scored as misses)"
        let title = """
            Search evaluation: \(golden.count) golden queries (Tests/StoreTests/SearchGolden/queries.tsv). \
            S@1 = success@1 %, R@10 = recall@10 %, MRR = MRR@10; before = baseline-before.tsv\(note).
            """
        print(evaluation.table(title: title))
        if Self.environment["SEARCH_GOLDEN_VERBOSE"] == "1" {
            print("current search, misses (category, query, expected, rank, top 3):\n" + evaluation.misses("current"))
            print("thresholds at today's figures:\n" + SearchThreshold.text(for: evaluation, engine: "current"))
        }
        for threshold in try SearchThreshold.load() {
            let s = evaluation.score("current", threshold.category)
            #expect(
                s.successAt1 >= Double(threshold.successAt1),
                "\(threshold.category): success@1 \(String(format: "%.1f", s.successAt1)) % < committed \(threshold.successAt1) %"
            )
            #expect(
                s.recallAt10 >= Double(threshold.recallAt10),
                "\(threshold.category): recall@10 \(String(format: "%.1f", s.recallAt10)) % < committed \(threshold.recallAt10) %"
            )
        }
    }

    /// Writes `baseline-before.tsv`; run once, before the search changes, with `SEARCH_GOLDEN_RECORD_BEFORE=1`.
    @Test(.enabled(if: environment["SEARCH_GOLDEN_RECORD_BEFORE"] == "1"))
    func recordBaselineBefore() throws {
        let current = SearchUnderTest.current(store)
        let header = [
            "The \"before\" column of the search evaluation (issue 13): the search as it was, frozen.",
            "Recorded by SEARCH_GOLDEN_RECORD_BEFORE=1 swift test --filter SearchEvaluationTests/recordBaselineBefore",
            "from store.searchIndex.search(query, includeParagraphs: false, limit: 10), entity hits best first,",
            "with Sources/Store/Search as of commit \(Self.lastCommit(touching: "Sources/Store/Search")).",
            "One row per golden query: query <TAB> up to ten kind/id separated by spaces (none: nothing found).",
            "Never re-record after the search has changed: this file is what \"before\" means.",
        ]
        let text = RecordedSearch.text(header: header, rows: golden.map { ($0.query, current.rank($0.query)) })
        try text.write(to: GoldenFiles.baselineBefore, atomically: true, encoding: .utf8)
        #expect(try RecordedSearch.load().count == golden.count)
    }

    /// The abbreviated hash of the last commit that changed `path`, or «unknown» outside a git checkout.
    private static func lastCommit(touching path: String) -> String {
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        git.arguments = ["git", "-C", RepositoryPaths.root.path, "log", "-1", "--format=%h", "--", path]
        let output = Pipe()
        git.standardOutput = output
        guard (try? git.run()) != nil else { return "unknown" }
        git.waitUntilExit()
        let hash = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return git.terminationStatus == 0 && !hash.isEmpty
            ? hash.trimmingCharacters(in: .whitespacesAndNewlines) : "unknown"
    }
}
