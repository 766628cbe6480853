import Testing

@testable import JSON

/// The two sinks of `JSONObjectSink` agree: the bytes one writes are the writer's bytes of the tree the other
/// builds.
struct JSONSinkTests {
    static let a = JSONKey("a")
    static let b = JSONKey("b")
    static let c = JSONKey("c")
    static let d = JSONKey("d")
    static let n = JSONKey("n")
    static let x = JSONKey("x")
    static let accented = JSONKey("é")

    func emit<S: JSONObjectSink>(into s: inout S) {
        s.member(Self.a, -12)
        s.member(Self.b) { $0.member(Self.x, "q\"uote\n") }
        s.member(Self.c, objects: [1, 2, 0]) { n, o in
            if n > 0 { o.member(Self.n, n) }
        }
        s.member(Self.d, objects: [Int]()) { _, _ in }
        s.member(Self.accented, "قطر")
    }

    @Test func byteSink_writesWhatTheWriterWritesForTheTree() {
        let tree = JSONTreeSink.object { emit(into: &$0) }
        var sink = JSONByteSink()
        sink.object { emit(into: &$0) }
        #expect(sink.bytes == JSONWriter.write(tree))
        #expect(
            String(decoding: sink.bytes, as: UTF8.self)
                == #"{"a":-12,"b":{"x":"q\"uote\n"},"c":[{"n":1},{"n":2},{}],"d":[],"é":"قطر"}"#)
    }
}
