import Testing

@testable import JSON

/// The two sinks of `JSONObjectSink` agree: the bytes one writes are the writer's bytes of the tree the other
/// builds.
struct JSONSinkTests {
    func emit<S: JSONObjectSink>(into s: inout S) {
        s.member("a", -12)
        s.member("b") { $0.member("x", "q\"uote\n") }
        s.member("c", objects: [1, 2, 0]) { n, o in
            if n > 0 { o.member("n", n) }
        }
        s.member("d", objects: [Int]()) { _, _ in }
        s.member("é", "قطر")
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

    @Test func anObjectWithAMemberWrittenAhead_isWrittenInKeyOrder() {
        let members: [(key: String, value: JSONValue)] = [
            (key: "z", value: .integer(1)), (key: "data", value: .null), (key: "a", value: .string("s")),
        ]
        let bytes = JSONWriter.write(members, replacing: "data", capacity: 0) { $0.append(contentsOf: "[7]".utf8) }
        #expect(String(decoding: bytes, as: UTF8.self) == #"{"a":"s","data":[7],"z":1}"#)
    }
}
