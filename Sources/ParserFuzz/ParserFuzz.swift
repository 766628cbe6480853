import FuzzSupport
import Server

// libFuzzer target for the request parser and the chunked decoder. Besides "no crash", it checks a property: the
// outcome is the same whichever way the input is split into reads (the connection feeds the parser a growing buffer,
// the decoder fresh slices). Built with `-sanitize=fuzzer,address -DFUZZING` (see .ci/fuzz.sh); without FUZZING it
// is a replay tool that runs files through the same checks (the regression corpus in Tests/FuzzCorpus).

enum ParserProperties {
    static let limits = ParserLimits(maxRequestLineLength: 256, maxHeaderSectionSize: 1024, maxHeaderCount: 16)

    /// The first byte picks what is fuzzed and seeds the split points; the rest is the input.
    static func check(_ input: [UInt8]) {
        guard let mode = input.first else { return }
        let bytes = Array(input.dropFirst())
        if mode & 1 == 0 {
            checkHead(bytes, seed: mode)
        } else {
            checkChunked(bytes, seed: mode)
        }
    }

    static func checkHead(_ bytes: [UInt8], seed: UInt8) {
        let whole = parseHead(bytes, cuts: [])
        let cuts = splitPoints(count: bytes.count, seed: seed)
        let split = parseHead(bytes, cuts: cuts)
        precondition(same(whole, split), "head parser: \(whole) whole vs \(split) split at \(cuts)")
        if case .complete(_, let consumed) = whole {
            precondition(consumed > 0 && consumed <= bytes.count, "consumed \(consumed)")
        }
    }

    /// Feeds a growing buffer that starts at byte 0, as a connection does.
    static func parseHead(_ bytes: [UInt8], cuts: [Int]) -> RequestHeadParser.Outcome {
        var parser = RequestHeadParser(limits: limits)
        for end in cuts + [bytes.count] {
            let outcome = bytes[0..<end].withUnsafeBytes { parser.parse($0) }
            if case .incomplete = outcome { continue }
            return outcome
        }
        return .incomplete
    }

    static func checkChunked(_ bytes: [UInt8], seed: UInt8) {
        let whole = decode(bytes, cuts: [])
        let split = decode(bytes, cuts: splitPoints(count: bytes.count, seed: seed))
        precondition(whole.outcome == split.outcome && whole.body == split.body, "chunked: \(whole) vs \(split)")
        precondition(whole.body.count <= 4096, "decoded body above the limit")
    }

    /// Feeds fresh slices, dropping what was consumed, as a connection does for bodies.
    static func decode(_ bytes: [UInt8], cuts: [Int]) -> (outcome: String, body: [UInt8]) {
        var decoder = ChunkedDecoder(maxBodySize: 4096, limits: limits)
        var body: [UInt8] = []
        var start = 0
        var consumedTotal = 0
        var pending: [UInt8] = []
        for end in cuts + [bytes.count] {
            pending += bytes[start..<end]
            start = end
            switch pending.withUnsafeBytes({ decoder.decode($0, into: &body) }) {
            case .needMore(let consumed):
                pending.removeFirst(consumed)
                consumedTotal += consumed
            case .done(let consumed):
                return ("done \(consumedTotal + consumed)", body)
            case .invalid(let status, _):
                return ("invalid \(status.code)", body)
            }
        }
        return ("needMore", body)
    }

    /// Deterministic split points from the seed and the length.
    static func splitPoints(count: Int, seed: UInt8) -> [Int] {
        guard count > 1 else { return [] }
        var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(count)
        var points: Set<Int> = []
        for _ in 0..<min(8, count - 1) {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            points.insert(1 + Int(state % UInt64(count - 1)))
        }
        return points.sorted()
    }

    /// Complete heads must be equal; invalid ones must agree on the status (the reason may name the first rule hit).
    static func same(_ a: RequestHeadParser.Outcome, _ b: RequestHeadParser.Outcome) -> Bool {
        switch (a, b) {
        case (.incomplete, .incomplete): true
        case (.complete(let x, let n), .complete(let y, let m)): x == y && n == m
        case (.invalid(let s, _), .invalid(let t, _)): s == t
        default: false
        }
    }
}

@main
struct ParserFuzzMain {
    static func main() {
        FuzzEntry.main(name: "ParserFuzz", check: ParserProperties.check)
    }
}

#if FUZZING
    /// The callback libFuzzer's own `main` looks for, should the linker pick that one over ours.
    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
        guard let data, size > 0 else { return 0 }
        ParserProperties.check(Array(UnsafeBufferPointer(start: data, count: size)))
        return 0
    }
#endif
