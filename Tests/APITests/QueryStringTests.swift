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
