import Testing
@testable import API

struct XXH64KnownAnswer: Sendable, CustomTestStringConvertible {
    var input: [UInt8]
    var expected: UInt64
    var label: String
    var testDescription: String { label }
}

/// `(i * 7 + 3) % 256` for i in 0..<count: a byte pattern that is not all-equal, so lane mix-ups show.
private func pattern(_ count: Int) -> [UInt8] {
    (0..<count).map { UInt8((($0 * 7) + 3) % 256) }
}

/// Produced by the reference implementation (Python `xxhash.xxh64_hexdigest(data, seed=0)`, xxHash 0.8),
/// not by this code. The lengths walk every path: empty, single-byte tail, 4-byte tail, 8-byte words,
/// exactly one 32-byte stripe, stripes plus each kind of tail.
private let knownAnswers: [XXH64KnownAnswer] = [
    .init(input: [], expected: 0xef46db3751d8e999, label: "empty"),
    .init(input: Array("a".utf8), expected: 0xd24ec4f1a98c6e5b, label: "\"a\""),
    .init(input: Array("abc".utf8), expected: 0x44bc2cf5ad770999, label: "\"abc\""),
    .init(input: Array(#"{"status":"ok"}"#.utf8), expected: 0xb3af9fff7f80f9a9, label: "the healthz body"),
    .init(input: Array(0..<32), expected: 0xcbf59c5116ff32b4, label: "0..<32"),
    .init(input: Array(0..<33), expected: 0x0c535d1acafb8ead, label: "0..<33"),
    .init(input: Array(0..<100), expected: 0x6ac1e58032166597, label: "0..<100"),
    .init(input: pattern(4), expected: 0x9bb64b7d66ee9fda, label: "pattern 4"),
    .init(input: pattern(7), expected: 0x9a7b149959ce60d8, label: "pattern 7"),
    .init(input: pattern(8), expected: 0xdab99d95c6f90092, label: "pattern 8"),
    .init(input: pattern(12), expected: 0xd52e407833af5133, label: "pattern 12"),
    .init(input: pattern(15), expected: 0x1b47cb8243cc8e32, label: "pattern 15"),
    .init(input: pattern(31), expected: 0xa2aa5f33cc4a6119, label: "pattern 31"),
    .init(input: pattern(32), expected: 0x23c3c17ef790fd97, label: "pattern 32"),
    .init(input: pattern(63), expected: 0x5e3e54b431c7493c, label: "pattern 63"),
    .init(input: pattern(64), expected: 0x0eb64b3ef6eeb01f, label: "pattern 64"),
    .init(input: pattern(65), expected: 0xa383b724b2bd12f1, label: "pattern 65"),
    .init(input: pattern(100), expected: 0xa61f8d4c170fe531, label: "pattern 100"),
    .init(input: pattern(1000), expected: 0x5f235fa033f1a3fb, label: "pattern 1000"),
]

@Test(arguments: knownAnswers)
func xxh64_matchesTheReferenceImplementation(_ row: XXH64KnownAnswer) {
    #expect(XXH64.hash(row.input) == row.expected)
}

@Test func xxh64_ofASliceInTheMiddleOfABuffer_dependsOnlyOnThoseBytes() {
    // Unaligned reads: the same bytes at an odd offset hash the same as on their own.
    let bytes = [0xAA] + pattern(65) + [0xBB]
    let hash = bytes.withUnsafeBytes { XXH64.hash(UnsafeRawBufferPointer(rebasing: $0[1..<66])) }
    #expect(hash == 0xa383b724b2bd12f1)
}
