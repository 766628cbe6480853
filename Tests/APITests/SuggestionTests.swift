import Testing

@testable import API

struct SuggestionCase: Sendable, CustomTestStringConvertible {
    var input: String
    var candidates: [String]
    var expected: String?
    var testDescription: String { "\(input) → \(expected ?? "nil")" }
    init(_ input: String, _ candidates: [String], _ expected: String?) {
        self.input = input
        self.candidates = candidates
        self.expected = expected
    }
}

private let parameters = ["limit", "offset", "sort", "fields", "include", "lang", "q", "name.en", "name.ar"]

private let suggestionCases: [SuggestionCase] = [
    .init("limt", parameters, "limit"),  // deletion
    .init("ofset", parameters, "offset"),  // deletion
    .init("srot", parameters, "sort"),  // transposition counts 1
    .init("name.ne", parameters, "name.en"),  // transposition
    .init("name.ra", parameters, "name.ar"),
    .init("limits", parameters, "limit"),  // insertion
    .init("lemit", parameters, "limit"),  // substitution
    .init("LIMIT", parameters, "limit"),  // case-insensitive
    .init("Offest", parameters, "offset"),
    .init("xyz", parameters, nil),
    .init("sorting", parameters, nil),  // 3 edits but only 7 characters: limit 2
    .init("incl", parameters, "include"),  // a prefix
    .init("fie", parameters, "fields"),
    .init("la", parameters, "lang"),
    .init("l", parameters, nil),  // one character is no prefix hint
    .init("", parameters, nil),
    .init("limt", [], nil),
    .init("qq", parameters, "q"),  // one insertion from a one-letter name
    .init("z", parameters, nil),  // one substitution from "q", but nothing in common
    // Ties go to the earlier candidate.
    .init("cat", ["bat", "hat", "cot"], "bat"),
    .init("cat", ["hat", "bat"], "hat"),
    // A closer candidate wins over an earlier one.
    .init("abcdefgh", ["abcdefxy", "abcdefgx"], "abcdefgx"),
    // Long names allow up to three edits, never more.
    .init("includeeeeee", ["include"], nil),
    .init("publisher_nam", ["publisher_name"], "publisher_name"),
    .init("pblshr_name", ["publisher_name"], "publisher_name"),  // 3 deletions, 11 characters
    .init("pblshr_nm", ["publisher_name"], nil),  // 5 deletions
]

@Test(arguments: suggestionCases)
func nearest_suggestsTheClosestCandidateWithinTheLimit(_ row: SuggestionCase) {
    #expect(Suggestion.nearest(to: row.input, among: row.candidates) == row.expected)
}

@Test(arguments: [
    ("", "", 0), ("a", "", 1), ("", "abc", 3), ("kitten", "sitting", 3), ("ab", "ba", 1),
    ("ca", "abc", 3),  // OSA, not full Damerau–Levenshtein (which gives 2): a substring is edited once
    ("limit", "limit", 0), ("abcd", "badc", 2),
])
func optimalStringAlignmentDistance_matchesKnownValues(_ a: String, _ b: String, _ distance: Int) {
    #expect(Suggestion.optimalStringAlignmentDistance(Array(a), Array(b)) == distance)
    #expect(Suggestion.optimalStringAlignmentDistance(Array(b), Array(a)) == distance)
}
