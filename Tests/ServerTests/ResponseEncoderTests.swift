import Testing
@testable import Server

/// Byte-exact response heads.
struct ResponseEncoderTests {
    let date = Array("Date: Sun, 06 Nov 1994 08:49:37 GMT\r\n".utf8)
    let server = Array("Server: test\r\n".utf8)

    func encode(_ response: Response, close: Bool = false, keepAlive10: Bool = false, head: Bool = false) -> String {
        var out: [UInt8] = []
        ResponseEncoder.encodeHead(response, options: .init(close: close, announceKeepAlive: keepAlive10, isHead: head),
                                   dateLine: date, serverLine: server, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    let json = Response(status: .ok, headers: Headers([("Content-Type", "application/json")]), body: Array(#"{"a":1}"#.utf8))

    @Test func keepAliveResponse_hasNoConnectionField() {
        #expect(encode(json) == "HTTP/1.1 200 OK\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\nServer: test\r\nContent-Type: application/json\r\nContent-Length: 7\r\n\r\n")
    }

    @Test func closingResponse_saysConnectionClose() {
        #expect(encode(json, close: true) == "HTTP/1.1 200 OK\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\nServer: test\r\nContent-Type: application/json\r\nContent-Length: 7\r\nConnection: close\r\n\r\n")
    }

    @Test func http10KeepAlive_isAnnounced() {
        #expect(encode(json, keepAlive10: true).hasSuffix("Content-Length: 7\r\nConnection: keep-alive\r\n\r\n"))
    }

    @Test func head_keepsTheGetContentLength_andSendsNoBody() {
        #expect(encode(json, head: true) == encode(json))
        #expect(ResponseEncoder.sendsBody(json, isHead: true) == false)
        #expect(ResponseEncoder.sendsBody(json, isHead: false) == true)
    }

    @Test func notModified_hasNoContentLengthAndNoBody() {
        let r = Response(status: .notModified, headers: Headers([("ETag", "\"x\"")]), body: Array("ignored".utf8))
        #expect(encode(r) == "HTTP/1.1 304 Not Modified\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\nServer: test\r\nETag: \"x\"\r\n\r\n")
        #expect(ResponseEncoder.sendsBody(r, isHead: false) == false)
    }

    @Test func noContent_hasNoContentLength() {
        #expect(encode(Response(status: .noContent)) == "HTTP/1.1 204 No Content\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\nServer: test\r\n\r\n")
    }

    @Test func framingFieldsSetByAHandler_areReplacedByTheEngines() {
        let r = Response(status: .ok, headers: Headers([("content-length", "999"), ("Connection", "close"), ("Date", "x"), ("Transfer-Encoding", "chunked"), ("X-Kept", "1")]), body: [0x41])
        #expect(encode(r) == "HTTP/1.1 200 OK\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\nServer: test\r\nX-Kept: 1\r\nContent-Length: 1\r\n\r\n")
    }

    @Test(arguments: [(0, "0"), (7, "7"), (10, "10"), (1_048_576, "1048576"), (Int(Int32.max), "2147483647")])
    func decimal_isWrittenWithoutFoundation(value: Int, text: String) {
        var out: [UInt8] = []
        ResponseEncoder.appendDecimal(value, to: &out)
        #expect(String(decoding: out, as: UTF8.self) == text)
    }
}
