import Server
import Testing

struct ChunkedCase: Sendable, CustomTestStringConvertible {
    enum Expected: Sendable, Equatable {
        /// The decoded body, and how many input bytes the body took (the rest belongs to the next request).
        case done(body: String, consumed: Int)
        /// Not finished: everything consumed, this much decoded so far.
        case needMore(body: String)
        case status(Int)
    }

    var name: String
    var bytes: [UInt8]
    var maxBodySize: Int
    var limits: ParserLimits
    var expected: Expected

    var testDescription: String { name }

    /// A body that ends exactly at the terminator.
    static func valid(_ name: String, _ text: String, body: String, maxBodySize: Int = 1000) -> ChunkedCase {
        ChunkedCase(
            name: name, bytes: Array(text.utf8), maxBodySize: maxBodySize, limits: ParserLimits(),
            expected: .done(body: body, consumed: text.utf8.count))
    }

    /// A body followed by bytes of the next request.
    static func valid(_ name: String, _ text: String, then next: String, body: String) -> ChunkedCase {
        ChunkedCase(
            name: name, bytes: Array((text + next).utf8), maxBodySize: 1000, limits: ParserLimits(),
            expected: .done(body: body, consumed: text.utf8.count))
    }

    static func invalid(
        _ name: String, _ text: String, _ status: Int, maxBodySize: Int = 1000,
        limits: ParserLimits = ParserLimits()
    ) -> ChunkedCase {
        ChunkedCase(
            name: name, bytes: Array(text.utf8), maxBodySize: maxBodySize, limits: limits, expected: .status(status))
    }
}

private let tight = ParserLimits(maxRequestLineLength: 8192, maxHeaderSectionSize: 32, maxHeaderCount: 2)

private let rows: [ChunkedCase] = [
    .valid("two chunks and the last chunk", "4\r\nWiki\r\n5\r\npedia\r\n0\r\n\r\n", body: "Wikipedia"),
    .valid("only the last chunk is an empty body", "0\r\n\r\n", body: ""),
    .valid("hex sizes in either case", "A\r\n0123456789\r\na\r\nabcdefghij\r\n0\r\n\r\n", body: "0123456789abcdefghij"),
    .valid(
        "sizes with leading zeros, up to 16 digits", "0004\r\nWiki\r\n0000000000000001\r\n!\r\n000\r\n\r\n",
        body: "Wiki!"),
    .valid("chunk data may contain CR and LF", "4\r\na\r\nb\r\n0\r\n\r\n", body: "a\r\nb"),
    .valid(
        "chunk extensions are parsed and ignored",
        "4;name\r\nWiki\r\n5 ; a = b ;c=\"q \\\" ;d\"\t;e\r\npedia\r\n0;last=1\r\n\r\n", body: "Wikipedia"),
    .valid(
        "trailer fields are validated and discarded",
        "4\r\nWiki\r\n0\r\nX-Checksum: abc\r\nX-Empty:\r\nX-Name:  caf\u{E9} \r\n\r\n", body: "Wiki"),
    .valid("body of exactly maxBodySize", "5\r\nabcde\r\n3\r\nfgh\r\n0\r\n\r\n", body: "abcdefgh", maxBodySize: 8),
    .valid(
        "bytes after the terminator stay unconsumed", "3\r\nabc\r\n0\r\n\r\n", then: "GET / HTTP/1.1\r\n\r\n",
        body: "abc"),
    .valid(
        "a pipelined chunked request stays unconsumed", "1\r\na\r\n0\r\n\r\n", then: "1\r\nb\r\n0\r\n\r\n", body: "a"),
    ChunkedCase(
        name: "an unfinished body needs more", bytes: Array("4\r\nWiki\r\n5\r\npe".utf8), maxBodySize: 1000,
        limits: ParserLimits(), expected: .needMore(body: "Wikipe")),
    // Chunk size (RFC 9112 §7.1).
    .invalid("a size that is not hex", "x\r\nabc\r\n0\r\n\r\n", 400),
    .invalid("an empty size", "\r\nabc\r\n0\r\n\r\n", 400),
    .invalid("a negative size", "-1\r\na\r\n0\r\n\r\n", 400),
    .invalid("a signed size", "+4\r\nWiki\r\n0\r\n\r\n", 400),
    .invalid("a 0x prefix", "0x4\r\nWiki\r\n0\r\n\r\n", 400),
    .invalid("more than 16 hex digits", "00000000000000004\r\nWiki\r\n0\r\n\r\n", 400),
    .invalid("whitespace after the size without an extension", "4 \r\nWiki\r\n0\r\n\r\n", 400),
    // Chunk data must be followed by CRLF.
    .invalid("data longer than its size", "4\r\nWikip\r\n0\r\n\r\n", 400),
    .invalid("data followed by LF only", "4\r\nWiki\n0\r\n\r\n", 400),
    .invalid("data followed by CR and something else", "4\r\nWiki\rX0\r\n\r\n", 400),
    // Bare LF / CR.
    .invalid("bare LF after the size", "4\nWiki\r\n0\r\n\r\n", 400),
    .invalid("bare LF after the last chunk", "0\n\r\n", 400),
    .invalid("bare LF ending a trailer field", "0\r\nX: y\n\r\n", 400),
    .invalid("bare LF as the final line", "0\r\n\n", 400),
    .invalid("bare CR as the final line", "0\r\n\rX", 400),
    .invalid("bare LF inside an extension", "4;a\nWiki\r\n0\r\n\r\n", 400),
    // Extensions (RFC 9112 §7.1.1).
    .invalid("an extension without a name", "4;\r\nWiki\r\n0\r\n\r\n", 400),
    .invalid("an extension with an empty value", "4;a=\r\nWiki\r\n0\r\n\r\n", 400),
    .invalid("an extension with an unterminated quoted value", "4;a=\"x\r\nWiki\r\n0\r\n\r\n", 400),
    .invalid("an extension name with a space inside", "4;a b\r\nWiki\r\n0\r\n\r\n", 400),
    .invalid("an extension with a non-token value", "4;a=b@c\r\nWiki\r\n0\r\n\r\n", 400),
    .invalid("an extension with a control character in a quoted value", "4;a=\"\u{01}\"\r\nWiki\r\n0\r\n\r\n", 400),
    .invalid(
        "chunk extensions over the limit", "4;\(String(repeating: "e", count: 40))\r\nWiki\r\n0\r\n\r\n", 400,
        limits: tight),
    // Size limit → 413, decided from the size line.
    .invalid("a single chunk over maxBodySize", "9\r\nabcdefghi\r\n0\r\n\r\n", 413, maxBodySize: 8),
    .invalid("chunks that add up to over maxBodySize", "5\r\nabcde\r\n4\r\nfghi\r\n0\r\n\r\n", 413, maxBodySize: 8),
    .invalid("the largest 16-digit size", "FFFFFFFFFFFFFFFF\r\n", 413),
    // Trailer section (RFC 9112 §7.1.2), validated like header fields.
    .invalid("whitespace before the colon of a trailer field", "0\r\nX : y\r\n\r\n", 400),
    .invalid("a trailer line without colon", "0\r\nNoColon\r\n\r\n", 400),
    .invalid("a control character in a trailer value", "0\r\nX: a\u{01}b\r\n\r\n", 400),
    .invalid("NUL in a trailer value", "0\r\nX: \u{0}\r\n\r\n", 400),
    .invalid("an obs-fold trailer line", "0\r\nX: a\r\n b\r\n\r\n", 400),
    .invalid("a trailer field with an empty name", "0\r\n: v\r\n\r\n", 400),
    .invalid("a trailer section over the limit", "0\r\nX: \(String(repeating: "v", count: 40))", 431, limits: tight),
    .invalid("more trailer fields than the limit", "0\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n", 431, limits: tight),
]

// MARK: - Feeding helpers

/// Feeds the input in the given slices the way a connection does: consumed bytes are dropped,
/// the unconsumed rest is fed again together with the next slice.
private func decode(_ row: ChunkedCase, slices: [Range<Int>]) -> ChunkedCase.Expected {
    var decoder = ChunkedDecoder(maxBodySize: row.maxBodySize, limits: row.limits)
    var body: [UInt8] = []
    var pending: [UInt8] = []
    var consumedTotal = 0
    for slice in slices {
        pending += row.bytes[slice]
        let outcome = pending.withUnsafeBytes { decoder.decode($0, into: &body) }
        switch outcome {
        case .needMore(let consumed):
            consumedTotal += consumed
            pending.removeFirst(consumed)
        case .done(let consumed):
            return .done(body: String(decoding: body, as: UTF8.self), consumed: consumedTotal + consumed)
        case .invalid(let status, let reason):
            #expect(!reason.isEmpty)
            return .status(status.code)
        }
    }
    // needMore must have taken every byte it was given.
    #expect(consumedTotal == row.bytes.count)
    return .needMore(body: String(decoding: body, as: UTF8.self))
}

@Suite struct ChunkedDecoderTests {
    @Test(arguments: rows)
    func eachRow_decodesToItsExpectedBodyOrStatus(_ row: ChunkedCase) {
        #expect(decode(row, slices: [0..<row.bytes.count]) == row.expected)
    }

    @Test(arguments: rows)
    func eachRow_givesTheSameResult_whenSplitAtEveryByteBoundary(_ row: ChunkedCase) {
        for k in 0...row.bytes.count {
            let result = decode(row, slices: [0..<k, k..<row.bytes.count])
            #expect(result == row.expected, "split at \(k)")
        }
    }

    @Test(arguments: rows)
    func eachRow_givesTheSameResult_whenFedOneByteAtATime(_ row: ChunkedCase) {
        #expect(decode(row, slices: (0..<row.bytes.count).map { $0..<($0 + 1) }) == row.expected)
    }

    @Test func largeChunks_areCopiedWhole_andTheDecoderIsDoneAfterTheTerminator() {
        let data = [UInt8]((0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let input = Array("186A0\r\n".utf8) + data + Array("\r\n0\r\n\r\nNEXT".utf8)
        var decoder = ChunkedDecoder(maxBodySize: 100_000)
        var body: [UInt8] = []
        let outcome = input.withUnsafeBytes { decoder.decode($0, into: &body) }
        #expect(outcome == .done(consumed: input.count - 4))
        #expect(body == data)
        // Done is final: nothing more is consumed.
        let after = input.withUnsafeBytes { decoder.decode($0, into: &body) }
        #expect(after == .done(consumed: 0))
        #expect(body.count == 100_000)
    }

    @Test func invalidOutcome_isSticky() {
        var decoder = ChunkedDecoder(maxBodySize: 10)
        var body: [UInt8] = []
        let first = Array("z\r\n".utf8).withUnsafeBytes { decoder.decode($0, into: &body) }
        let again = Array("0\r\n\r\n".utf8).withUnsafeBytes { decoder.decode($0, into: &body) }
        guard case .invalid(let status, _) = first else {
            Issue.record("expected invalid, got \(first)")
            return
        }
        #expect(status == .badRequest)
        #expect(again == first)
    }
}
