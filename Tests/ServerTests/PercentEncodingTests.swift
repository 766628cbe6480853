import Server
import Testing

struct PercentCase: Sendable, CustomTestStringConvertible {
    var input: String
    var plusAsSpace: Bool
    var expected: String?
    var testDescription: String { "\(input)\(plusAsSpace ? " (+ as space)" : "") → \(expected ?? "nil")" }

    init(_ input: String, plusAsSpace: Bool = false, _ expected: String?) {
        self.input = input
        self.plusAsSpace = plusAsSpace
        self.expected = expected
    }
}

private let rows: [PercentCase] = [
    .init("", ""),
    .init("plain", "plain"),
    .init("%41", "A"),
    .init("a%20b", "a b"),
    .init("%2F", "/"),
    .init("%D8%B9%D8%B1%D8%A8", "\u{0639}\u{0631}\u{0628}"),
    .init("%e2%82%ac", "\u{20AC}"),
    .init("%E2%82%Ac", "\u{20AC}"),
    .init("%00", "\u{0}"),
    .init("a+b", "a+b"),
    .init("a+b", plusAsSpace: true, "a b"),
    .init("%2B", plusAsSpace: true, "+"),
    .init("caf\u{E9}", "caf\u{E9}"),
    .init("caf\u{E9}+x", plusAsSpace: true, "caf\u{E9} x"),
    // Malformed escapes.
    .init("%", nil),
    .init("a%", nil),
    .init("%4", nil),
    .init("%4+", plusAsSpace: true, nil),
    .init("%zz", nil),
    .init("%G1", nil),
    .init("%%41", nil),
    // Not UTF-8 once decoded.
    .init("%FF", nil),
    .init("%C3", nil),
    .init("%C3%28", nil),
    .init("%ED%A0%80", nil),  // an encoded surrogate
]

@Suite struct PercentEncodingTests {
    @Test(arguments: rows)
    func eachRow_decodesToItsExpectedString(_ row: PercentCase) {
        #expect(PercentEncoding.decode(row.input, plusAsSpace: row.plusAsSpace) == row.expected)
    }

    @Test func substring_isDecodedWithinItsBounds() {
        let path = "/countries/%6Bz/cities"
        let segments = path.split(separator: "/")
        #expect(PercentEncoding.decode(segments[1]) == "kz")
        #expect(PercentEncoding.decode(segments[2]) == "cities")
    }
}
