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
    .init(input: [], expected: 0xef46_db37_51d8_e999, label: "empty"),
    .init(input: Array("a".utf8), expected: 0xd24e_c4f1_a98c_6e5b, label: "\"a\""),
    .init(input: Array("abc".utf8), expected: 0x44bc_2cf5_ad77_0999, label: "\"abc\""),
    .init(input: Array(#"{"status":"ok"}"#.utf8), expected: 0xb3af_9fff_7f80_f9a9, label: "the healthz body"),
    .init(input: Array(0..<32), expected: 0xcbf5_9c51_16ff_32b4, label: "0..<32"),
    .init(input: Array(0..<33), expected: 0x0c53_5d1a_cafb_8ead, label: "0..<33"),
    .init(input: Array(0..<100), expected: 0x6ac1_e580_3216_6597, label: "0..<100"),
    .init(input: pattern(4), expected: 0x9bb6_4b7d_66ee_9fda, label: "pattern 4"),
    .init(input: pattern(7), expected: 0x9a7b_1499_59ce_60d8, label: "pattern 7"),
    .init(input: pattern(8), expected: 0xdab9_9d95_c6f9_0092, label: "pattern 8"),
    .init(input: pattern(12), expected: 0xd52e_4078_33af_5133, label: "pattern 12"),
    .init(input: pattern(15), expected: 0x1b47_cb82_43cc_8e32, label: "pattern 15"),
    .init(input: pattern(31), expected: 0xa2aa_5f33_cc4a_6119, label: "pattern 31"),
    .init(input: pattern(32), expected: 0x23c3_c17e_f790_fd97, label: "pattern 32"),
    .init(input: pattern(63), expected: 0x5e3e_54b4_31c7_493c, label: "pattern 63"),
    .init(input: pattern(64), expected: 0x0eb6_4b3e_f6ee_b01f, label: "pattern 64"),
    .init(input: pattern(65), expected: 0xa383_b724_b2bd_12f1, label: "pattern 65"),
    .init(input: pattern(100), expected: 0xa61f_8d4c_170f_e531, label: "pattern 100"),
    .init(input: pattern(1000), expected: 0x5f23_5fa0_33f1_a3fb, label: "pattern 1000"),
]

@Test(arguments: knownAnswers)
func xxh64_matchesTheReferenceImplementation(_ row: XXH64KnownAnswer) {
    #expect(XXH64.hash(row.input) == row.expected)
}

@Test func xxh64_ofASliceInTheMiddleOfABuffer_dependsOnlyOnThoseBytes() {
    // Unaligned reads: the same bytes at an odd offset hash the same as on their own.
    let bytes = [0xAA] + pattern(65) + [0xBB]
    let hash = bytes.withUnsafeBytes { XXH64.hash(UnsafeRawBufferPointer(rebasing: $0[1..<66])) }
    #expect(hash == 0xa383_b724_b2bd_12f1)
}
