import Testing

@testable import TestSupport

/// The test client's response framing: the engine never sends chunked or close-delimited bodies, so those paths are
/// checked here rather than through a server.
struct RawHTTPResponseParsingTests {
    func parse(_ text: String, bodyless: Bool = false, atEnd: Bool = false) throws -> (RawHTTPResponse, Int)? {
        try RawHTTPResponse.parse(Array(text.utf8), bodyless: bodyless, atEnd: atEnd)
    }

    @Test func contentLength_framesTheBody_andLeavesTheNextResponse() throws {
        let text = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhiHTTP/1.1 204 No Content\r\n\r\n"
        let (response, used) = try #require(try parse(text))
        #expect(response.status == 200)
        #expect(response.reason == "OK")
        #expect(response.bodyText == "hi")
        #expect(used == text.utf8.count - "HTTP/1.1 204 No Content\r\n\r\n".utf8.count)
    }

    @Test func incompleteHeadOrBody_needsMoreBytes() throws {
        #expect(try parse("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n") == nil)
        #expect(try parse("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhel") == nil)
    }

    @Test func chunkedBody_isDecoded_skippingExtensionsAndTrailers() throws {
        let text =
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;x=1\r\nhello\r\nA\r\n, world!!!\r\n0\r\nT: v\r\n\r\n"
        let (response, used) = try #require(try parse(text))
        #expect(response.bodyText == "hello, world!!!")
        #expect(used == text.utf8.count)
    }

    @Test func chunkedBody_cutAnywhere_needsMoreBytes() throws {
        let text = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"
        let bytes = Array(text.utf8)
        for cut in 0..<bytes.count {
            #expect(try RawHTTPResponse.parse(Array(bytes[..<cut]), bodyless: false, atEnd: false) == nil, "\(cut)")
        }
    }

    @Test func headRequest_andBodylessStatuses_endAtTheHead() throws {
        #expect(try parse("HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\n", bodyless: true)?.0.body == [])
        #expect(try parse("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\n")?.1 == 25)
        #expect(try parse("HTTP/1.1 304 Not Modified\r\nContent-Length: 9\r\n\r\n")?.0.body == [])
    }

    @Test func noLength_readsUntilThePeerCloses() throws {
        let text = "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nuntil the end"
        #expect(try parse(text) == nil)
        #expect(try parse(text, atEnd: true)?.0.bodyText == "until the end")
    }

    @Test func malformedStatusLine_orChunkSize_throws() {
        #expect(throws: RawHTTPClient.ClientError.self) { try parse("HTTP/2 200\r\n\r\n") }
        #expect(throws: RawHTTPClient.ClientError.self) {
            try parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
        }
    }
}
