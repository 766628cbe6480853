import Testing

@testable import API

/// `QueryString.parse`: how a raw query becomes decoded pairs (cut over bytes for ASCII, by clusters otherwise).
@Suite struct QueryStringTests {
    private func pairs(_ raw: String?) -> [String]? {
        guard case .success(let query) = QueryString.parse(raw) else { return nil }
        return query.pairs.map { "\($0.name)=\($0.value)" }
    }

    @Test func noQueryAndEmptyQuery_giveNoPairs() {
        #expect(pairs(nil) == [])
        #expect(pairs("") == [])
        #expect(pairs("&&") == [])
    }

    @Test func piecesAreCutAtTheFirstEquals_andEmptyPiecesSkipped() {
        #expect(pairs("a=1&&b=2&") == ["a=1", "b=2"])
        #expect(pairs("a=b=c") == ["a=b=c"])
        #expect(pairs("flag&x=") == ["flag=", "x="])
        #expect(pairs("=v") == ["=v"])
    }

    @Test func namesAndValuesAreDecoded_plusAsSpace_repeatsKeptInOrder() {
        #expect(pairs("q=%D9%83%D8%A7+x&q=2&f%69elds=name") == ["q=\u{643}\u{627} x", "q=2", "fields=name"])
        #expect(pairs("q=a%26b%3Dc") == ["q=a&b=c"])
    }

    @Test func aBadEscape_isAnErrorNamingTheParameter() {
        guard case .failure(let nameError) = QueryString.parse("ok=1&b%zz=1") else {
            Issue.record("a bad escape in a name was accepted")
            return
        }
        #expect(nameError.parameter == "b%zz")
        guard case .failure(let valueError) = QueryString.parse("q=%FF") else {
            Issue.record("a value that is not UTF-8 was accepted")
            return
        }
        #expect(valueError.parameter == "q")
    }

    @Test func nonASCIIQueries_inProcess_areCutByClusters() {
        #expect(pairs("q=كازاخستان&lang=en") == ["q=كازاخستان", "lang=en"])
        // A combining mark after `&` joins it into one cluster: no cut there.
        #expect(pairs("a=1&\u{301}b=2") == ["a=1&\u{301}b=2"])
    }
}

/// `QueryString.grouped`: names in first-seen order with their values in order, however many names there are.
@Suite struct QueryStringGroupingTests {
    private func grouped(_ raw: String) -> [String] {
        guard case .success(let query) = QueryString.parse(raw) else { return [] }
        return query.grouped.map { "\($0.name)=\($0.values.joined(separator: "|"))" }
    }

    @Test func repeatedNames_groupInFirstSeenOrder() {
        #expect(grouped("b=1&a=2&b=3&c=4&a=5") == ["b=1|3", "a=2|5", "c=4"])
    }

    @Test func manyNames_groupTheSameAsFew() {
        // Past the scan's limit the grouping goes through a dictionary: same answer.
        let raw = (0..<40).map { "p\($0 % 25)=\($0)" }.joined(separator: "&")
        let expected = (0..<25).map { n in
            "p\(n)=" + stride(from: n, to: 40, by: 25).map(String.init).joined(separator: "|")
        }
        #expect(grouped(raw) == expected)
    }
}
