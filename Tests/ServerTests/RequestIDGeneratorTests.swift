import Testing

@testable import Server

/// Generated request ids: the loop's prefix then the counter, 32 lowercase hex digits.
struct RequestIDGeneratorTests {
    @Test func ids_arePrefixThenCounter_inLowercaseHex() {
        var generator = RequestIDGenerator(prefix: 0x0123_4567_89AB_CDEF)
        #expect(generator.next() == "0123456789abcdef0000000000000001")
        #expect(generator.next() == "0123456789abcdef0000000000000002")
        for _ in 0..<13 { _ = generator.next() }
        #expect(generator.next() == "0123456789abcdef0000000000000010")
    }

    @Test func generatedIds_areAcceptedAsClientIds_andDifferBetweenLoops() {
        var a = RequestIDGenerator()
        var b = RequestIDGenerator()
        let first = a.next()
        #expect(first.utf8.count == 32)
        #expect(RequestID.isAcceptable(first))
        #expect(first != b.next())  // random prefixes: a collision has probability 2^-64
    }
}
