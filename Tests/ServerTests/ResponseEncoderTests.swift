import JSON
import Testing

@testable import Server

/// Byte-exact response heads.
struct ResponseEncoderTests {
    let date = Array("Date: Sun, 06 Nov 1994 08:49:37 GMT\r\n".utf8)
    let server = Array("Server: test\r\n".utf8)

    func encode(_ response: Response, close: Bool = false, keepAlive10: Bool = false, head: Bool = false) -> String {
        var out: [UInt8] = []
        ResponseEncoder.encodeHead(
            response, options: .init(close: close, announceKeepAlive: keepAlive10, isHead: head),
            dateLine: date, serverLine: server, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    let json = Response(
        status: .ok, headers: Headers([("Content-Type", "application/json")]), body: Array(#"{"a":1}"#.utf8))

    @Test func keepAliveResponse_hasNoConnectionField() {
        #expect(
            encode(json)
                == "HTTP/1.1 200 OK\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\nServer: test\r\nContent-Type: application/json\r\nContent-Length: 7\r\n\r\n"
        )
    }

    @Test func closingResponse_saysConnectionClose() {
        #expect(
            encode(json, close: true)
                == "HTTP/1.1 200 OK\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\nServer: test\r\nContent-Type: application/json\r\nContent-Length: 7\r\nConnection: close\r\n\r\n"
        )
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
        #expect(
            encode(r)
                == "HTTP/1.1 304 Not Modified\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\nServer: test\r\nETag: \"x\"\r\n\r\n"
        )
        #expect(ResponseEncoder.sendsBody(r, isHead: false) == false)
    }

    @Test func noContent_hasNoContentLength() {
        #expect(
            encode(Response(status: .noContent))
                == "HTTP/1.1 204 No Content\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\nServer: test\r\n\r\n")
    }

    @Test func framingFieldsSetByAHandler_areReplacedByTheEngines() {
        let r = Response(
            status: .ok,
            headers: Headers([
                ("content-length", "999"), ("Connection", "close"), ("Date", "x"), ("Transfer-Encoding", "chunked"),
                ("X-Kept", "1"),
            ]), body: [0x41])
        #expect(
            encode(r)
                == "HTTP/1.1 200 OK\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\nServer: test\r\nX-Kept: 1\r\nContent-Length: 1\r\n\r\n"
        )
    }

    @Test(arguments: HeaderName.engineOwnedNames.flatMap { [$0, $0.lowercased(), $0.uppercased()] })
    func everyEngineOwnedName_isDroppedFromAHandlersFields_whateverItsCase(name: String) {
        let r = Response(status: .ok, headers: Headers([(name, "x"), ("X-Kept", "1")]), body: [0x41])
        #expect(
            encode(r)
                == "HTTP/1.1 200 OK\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\nServer: test\r\nX-Kept: 1\r\nContent-Length: 1\r\n\r\n"
        )
    }
}

/// Fields encoded once for responses sent many times must go on the wire exactly as if encoded per response.
struct PreEncodedHeadersTests {
    let date = Array("Date: x\r\n".utf8)
    let server = Array("Server: t\r\n".utf8)

    func head(_ response: Response) -> [UInt8] {
        var out: [UInt8] = []
        ResponseEncoder.encodeHead(
            response, options: .init(close: false, announceKeepAlive: false, isHead: false),
            dateLine: date, serverLine: server, into: &out)
        return out
    }

    let base = Headers([("Content-Type", "application/json"), ("Content-Length", "999"), ("ETag", "\"a\"")])

    @Test func aPreEncodedList_encodesAsThePlainOne_withEngineFieldsStillLeftOut() {
        let encoded = Response(status: .ok, headers: PreEncodedHeaders(base), body: [1, 2])
        #expect(head(encoded) == head(Response(status: .ok, headers: base, body: [1, 2])))
        #expect(!String(decoding: head(encoded), as: UTF8.self).contains("999"))
    }

    @Test func aListEndingWithAnEncodedTail_encodesAsTheWholeList() {
        let tail = PreEncodedHeaders(Headers([("X-Content-Type-Options", "nosniff"), ("Vary", "Origin")]))
        var whole = base
        for field in tail.headers { whole.add(name: field.name, value: field.value) }
        let joined = PreEncodedHeaders(whole, endingWith: tail)
        #expect(joined.bytes == PreEncodedHeaders(whole).bytes)
        #expect(joined.headers == whole)
    }

    @Test func fieldsAddedAfterEncoding_followTheEncodedOnes() {
        var encoded = Response(status: .ok, headers: PreEncodedHeaders(base), body: [1, 2])
        encoded.addHeader(name: .xRequestID, value: "r1")
        var plain = Response(status: .ok, headers: base, body: [1, 2])
        plain.addHeader(name: .xRequestID, value: "r1")
        #expect(head(encoded) == head(plain))
        #expect(String(decoding: head(encoded), as: UTF8.self).contains("ETag: \"a\"\r\nX-Request-ID: r1\r\n"))
    }

    @Test func lookupsOnAPreEncodedResponse_seeEveryField() {
        var response = Response(status: .ok, headers: PreEncodedHeaders(base))
        response.addHeader(name: .xRequestID, value: "r1")
        #expect(response.headers[.etag] == "\"a\"")
        #expect(response.headers[.xRequestID] == "r1")
        #expect(response.headers.count == 4)
    }

    @Test func theSameEncodedFields_serveManyResponses_eachWithItsOwnAddedFields() {
        let shared = PreEncodedHeaders(base)
        var first = Response(status: .ok, headers: shared, body: [1, 2])
        first.addHeader(name: .xRequestID, value: "r1")
        var second = Response(status: .ok, headers: shared, body: [1, 2])
        second.addHeader(name: .xRequestID, value: "r2")
        #expect(String(decoding: head(first), as: UTF8.self).contains("X-Request-ID: r1\r\n"))
        #expect(!String(decoding: head(second), as: UTF8.self).contains("r1"))
        #expect(shared.headers.count == 3)
    }
}

/// Token lists (RFC 9110 §5.6.1) scanned in place.
struct HeaderTokenTests {
    @Test(arguments: [
        ("close", true), ("Close", true), ("keep-alive, close", true), (" upgrade ,\tCLOSE\t", true),
        (",,close,,", true),
        ("closed", false), ("keep-alive", false), ("", false), ("clo se", false), ("close-ish, x", false),
    ])
    func connectionTokens_areFoundCaseInsensitively_amongTrimmedElements(value: String, expected: Bool) {
        #expect(Headers([("Connection", value)]).containsToken("close", in: "Connection") == expected)
    }

    @Test func everyFieldLineOfTheName_isSearched() {
        let headers = Headers([("Connection", "upgrade"), ("X", "close"), ("connection", "close")])
        #expect(headers.containsToken("close", in: "Connection"))
        #expect(!Headers([("X", "close")]).containsToken("close", in: "Connection"))
    }
}
