import Testing

@testable import API

struct LinkCase: Sendable, CustomTestStringConvertible {
    var links: [(rel: String, target: String)]
    var expected: String
    var testDescription: String { expected }
    init(_ links: [(rel: String, target: String)], _ expected: String) {
        self.links = links
        self.expected = expected
    }
}

private let linkCases: [LinkCase] = [
    .init([], ""),
    .init([("self", "/countries/kz")], #"</countries/kz>; rel="self""#),
    .init(
        [("first", "/countries?offset=0&limit=50"), ("next", "/countries?offset=50&limit=50")],
        #"</countries?offset=0&limit=50>; rel="first", </countries?offset=50&limit=50>; rel="next""#),
    // Commas, semicolons and percent-escapes are valid in a URI-reference and safe inside the brackets.
    .init([("next", "/people?sort=-name,id&q=%D8%B9;x")], #"</people?sort=-name,id&q=%D8%B9;x>; rel="next""#),
    .init(
        [("last", "https://api.example/countries?offset=100")],
        #"<https://api.example/countries?offset=100>; rel="last""#),
    // Safeguards for targets that are not URI-references: they can neither close the brackets nor the field.
    .init([("next", "/a>b")], #"</a%3Eb>; rel="next""#),
    .init([("next", "/a b\"c<d")], #"</a%20b%22c%3Cd>; rel="next""#),
    .init([("next", "/x\r\nSet-Cookie: y")], #"</x%0D%0ASet-Cookie:%20y>; rel="next""#),
    .init([("next", "/ع")], #"</%D8%B9>; rel="next""#),
    // A rel is a quoted-string.
    .init([("a\"b\\c", "/")], #"</>; rel="a\"b\\c""#),
    .init([("a\r\nb", "/")], #"</>; rel="ab""#),
    // Non-ASCII text is kept whole (no byte of a multi-byte sequence is a control); DEL is dropped, HTAB kept.
    .init([("عربي\u{7F}\tx", "/")], "</>; rel=\"عربي\tx\""),
]

@Test(arguments: linkCases)
func linkHeader_isRFC8288Syntax(_ row: LinkCase) {
    #expect(LinkHeader.value(row.links) == row.expected)
}

@Test func linkHeaderTargetMask_matchesThePredicate_forEveryByte() {
    for b in 0...255 {
        #expect(LinkHeader.uriReferenceBytes.contains(UInt8(b)) == LinkHeader.isURIReferenceByte(UInt8(b)), "\(b)")
    }
}
