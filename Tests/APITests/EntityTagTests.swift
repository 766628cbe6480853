import Testing

@testable import API

// MARK: - Strong tags of bodies

@Test func strongTag_ofTheSameBytes_isTheSameOnEveryCall() {
    let body = Array(#"{"data":[{"id":"kz","name":{"ar":"كازاخستان","en":"Kazakhstan"}}]}"#.utf8)
    let first = EntityTag.strong(for: body)
    #expect(EntityTag.strong(for: body) == first)
    #expect(EntityTag.strong(for: Array(body)) == first)
}

@Test func strongTag_isSixteenLowercaseHexDigitsInQuotes_andNotWeak() {
    for body in [[], Array("a".utf8), Array(repeating: UInt8(0xFF), count: 4096)] {
        let tag = EntityTag.strong(for: body)
        #expect(!tag.isWeak)
        #expect(tag.opaque.utf8.count == 16)
        #expect(tag.opaque.allSatisfy { "0123456789abcdef".contains($0) })
        #expect(tag.headerValue == "\"" + tag.opaque + "\"")
    }
}

/// Known answers: XXH64 (seed 0) from the reference implementation, rendered with leading zeros kept.
@Test(arguments: [
    ("", "ef46db3751d8e999"),
    ("a", "d24ec4f1a98c6e5b"),
    (#"{"status":"ok"}"#, "b3af9fff7f80f9a9"),
])
func strongTag_isTheXXH64OfTheBodyInHex(_ body: String, _ hex: String) {
    #expect(EntityTag.strong(for: Array(body.utf8)).headerValue == "\"\(hex)\"")
}

@Test func strongTag_keepsLeadingZeros() {
    // 0..<33 hashes to 0x0c535d1acafb8ead: the leading zero nibble must still be written.
    #expect(EntityTag.strong(for: Array(0..<33)).opaque == "0c535d1acafb8ead")
}

@Test func strongTag_differsForBodiesThatDifferInOneByteOrLength() {
    let bodies: [[UInt8]] = [
        [], [0], [0, 0], [1], Array("a".utf8), Array("b".utf8), Array("ab".utf8), Array("ba".utf8),
        Array(#"{"limit":50}"#.utf8), Array(#"{"limit":51}"#.utf8), Array(#"{"limit":50} "#.utf8),
    ]
    let tags = Set(bodies.map { EntityTag.strong(for: $0).opaque })
    #expect(tags.count == bodies.count)
}

@Test func strongTag_changesWhenAnySingleBitOfTheBodyFlips() {
    let body = Array(#"{"data":{"id":"oic","name":{"en":"OIC"}}}"#.utf8)
    let original = EntityTag.strong(for: body).opaque
    var seen: Set<String> = [original]
    for index in body.indices {
        for bit in 0..<8 {
            var flipped = body
            flipped[index] ^= UInt8(1 << bit)
            seen.insert(EntityTag.strong(for: flipped).opaque)
        }
    }
    #expect(seen.count == 1 + body.count * 8)
}

// MARK: - Rendering and comparison

@Test func headerValue_ofAWeakTag_hasTheWPrefix() {
    #expect(EntityTag(opaque: "xyz", isWeak: true).headerValue == #"W/"xyz""#)
    #expect(EntityTag(opaque: "xyz", isWeak: false).headerValue == #""xyz""#)
}

// MARK: - Parsing If-None-Match / If-Match lists

/// The tags `scanList` visits, with the shape it returns: what ConditionalRequest matches against.
enum ScannedList: Equatable {
    case any
    case tags([EntityTag])
    case invalid

    static func of(_ fields: [String]) -> ScannedList {
        var tags: [EntityTag] = []
        let shape = EntityTag.scanList(fields) { isWeak, opaque in
            tags.append(EntityTag(opaque: String(decoding: opaque, as: UTF8.self), isWeak: isWeak))
        }
        switch shape {
        case .any: return .any
        case .tags: return .tags(tags)
        case .invalid: return .invalid
        }
    }
}

struct ListCase: Sendable, CustomTestStringConvertible {
    var fields: [String]
    var expected: ScannedList
    var testDescription: String { fields.map { "[\($0)]" }.joined(separator: " + ") }
    init(_ fields: [String], _ expected: ScannedList) {
        self.fields = fields
        self.expected = expected
    }
}

private func strong(_ opaque: String) -> EntityTag { EntityTag(opaque: opaque, isWeak: false) }
private func weak(_ opaque: String) -> EntityTag { EntityTag(opaque: opaque, isWeak: true) }

private let listCases: [ListCase] = [
    // Well-formed
    .init([#""abc""#], .tags([strong("abc")])),
    .init([#"W/"abc""#], .tags([weak("abc")])),
    .init([#""""#], .tags([strong("")])),
    .init([#""a", W/"b",  "c""#], .tags([strong("a"), weak("b"), strong("c")])),
    .init([#""a","b""#], .tags([strong("a"), strong("b")])),
    .init(["\"a\"\t,\t\"b\""], .tags([strong("a"), strong("b")])),
    .init([#""a""#, #"W/"b", "c""#], .tags([strong("a"), weak("b"), strong("c")])),
    .init([#""a,b""#], .tags([strong("a,b")])),  // etagc includes the comma
    .init([#""caf\#u{E9}""#], .tags([strong("caf\u{E9}")])),  // obs-text
    .init([#", "a", , "b","#], .tags([strong("a"), strong("b")])),  // RFC 9110 §5.6.1: empty elements
    .init([""], .tags([])),
    .init([], .tags([])),
    .init(["*"], .any),
    .init([" * "], .any),
    // Malformed
    .init(["abc"], .invalid),  // unquoted
    .init([#""abc"#], .invalid),  // unterminated
    .init([#"w/"abc""#], .invalid),  // W/ is case-sensitive
    .init([#"W"abc""#], .invalid),
    .init([#"W/ "abc""#], .invalid),
    .init([#""a" "b""#], .invalid),  // no comma between members
    .init([#""a"b"#], .invalid),
    .init(["\"a b\""], .invalid),  // SP is not etagc
    .init(["*, \"a\""], .invalid),  // `*` must stand alone
    .init(["*", #""a""#], .invalid),  // …across field lines too
    .init(["*, *"], .invalid),
    .init([#""a""#, "junk"], .invalid),
]

@Test(arguments: listCases)
func scanList_followsTheRFC9110Grammar(_ row: ListCase) {
    #expect(ScannedList.of(row.fields) == row.expected)
}

@Test func scanList_ofOneString_isTheListOfThatField() {
    #expect(ScannedList.of([#"W/"x", "y""#]) == .tags([weak("x"), strong("y")]))
}
