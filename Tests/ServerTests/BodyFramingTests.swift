import Testing

@testable import Server

struct FramingCase: Sendable, CustomTestStringConvertible {
    enum Expected: Sendable, Equatable {
        case framing(BodyFraming)
        case status(Int)
    }

    var name: String
    var version: HTTPVersion
    var headers: [Headers.Field]
    var maxBodySize: Int
    var expected: Expected

    var testDescription: String { name }

    init(
        _ name: String, _ headers: [(String, String)], version: HTTPVersion = .http1_1, maxBodySize: Int = 1000,
        _ expected: Expected
    ) {
        self.name = name
        self.version = version
        self.headers = headers.map { Headers.Field(name: HeaderName($0.0), value: $0.1) }
        self.maxBodySize = maxBodySize
        self.expected = expected
    }

    var head: RequestHead {
        RequestHead(
            method: "POST", target: "/", path: "/", query: nil, version: version,
            headers: Headers(headers.map { ($0.name.rawName, $0.value) }))
    }
}

private let rows: [FramingCase] = [
    // No body.
    .init("neither Content-Length nor Transfer-Encoding means no body", [("Host", "h")], .framing(.none)),
    .init("Content-Length 0 means no body", [("Content-Length", "0")], .framing(.none)),
    .init("Content-Length with leading zeros only is 0", [("Content-Length", "000")], .framing(.none)),
    // Content-Length (RFC 9110 §8.6).
    .init("Content-Length gives the length", [("Content-Length", "42")], .framing(.contentLength(42))),
    .init("Content-Length on HTTP/1.0", [("Content-Length", "42")], version: .http1_0, .framing(.contentLength(42))),
    .init("field name is case-insensitive", [("content-length", "42")], .framing(.contentLength(42))),
    .init(
        "identical repeated fields are one length", [("Content-Length", "42"), ("Content-Length", "42")],
        .framing(.contentLength(42))),
    .init("identical list elements are one length", [("Content-Length", "42, 42,42")], .framing(.contentLength(42))),
    .init(
        "same value with leading zeros agrees", [("Content-Length", "042"), ("Content-Length", "42")],
        .framing(.contentLength(42))),
    .init("exactly maxBodySize is accepted", [("Content-Length", "1000")], .framing(.contentLength(1000))),
    .init(
        "repeated fields that differ are rejected", [("Content-Length", "42"), ("Content-Length", "43")], .status(400)),
    .init("list elements that differ are rejected", [("Content-Length", "42, 43")], .status(400)),
    .init("a sign is rejected", [("Content-Length", "+42")], .status(400)),
    .init("a negative length is rejected", [("Content-Length", "-1")], .status(400)),
    .init("hex is rejected", [("Content-Length", "0x10")], .status(400)),
    .init("a decimal point is rejected", [("Content-Length", "4.2")], .status(400)),
    .init("space inside the digits is rejected", [("Content-Length", "4 2")], .status(400)),
    .init("an empty value is rejected", [("Content-Length", "")], .status(400)),
    .init("an empty list element is rejected", [("Content-Length", "42,")], .status(400)),
    .init("non-ASCII digits are rejected", [("Content-Length", "\u{0664}\u{0662}")], .status(400)),
    .init("one byte over maxBodySize is rejected with 413", [("Content-Length", "1001")], .status(413)),
    .init(
        "a length too large for Int is rejected with 413", [("Content-Length", "99999999999999999999999999")],
        .status(413)),
    .init(
        "a syntax error wins over a large value", [("Content-Length", "99999999999999999999999999, x")], .status(400)),
    // Transfer-Encoding (RFC 9112 §6.1, §7).
    .init("Transfer-Encoding chunked", [("Transfer-Encoding", "chunked")], .framing(.chunked)),
    .init("chunked is case-insensitive", [("Transfer-Encoding", "Chunked")], .framing(.chunked)),
    .init("chunked with surrounding OWS", [("Transfer-Encoding", " chunked\t")], .framing(.chunked)),
    .init(
        "Transfer-Encoding with Content-Length is a smuggling attempt",
        [("Content-Length", "5"), ("Transfer-Encoding", "chunked")], .status(400)),
    .init(
        "Transfer-Encoding with Content-Length 0 is still rejected",
        [("Transfer-Encoding", "chunked"), ("Content-Length", "0")], .status(400)),
    .init(
        "Transfer-Encoding on HTTP/1.0 is rejected", [("Transfer-Encoding", "chunked")], version: .http1_0, .status(400)
    ),
    .init("chunked twice in one field is rejected", [("Transfer-Encoding", "chunked, chunked")], .status(400)),
    .init(
        "chunked twice across fields is rejected",
        [("Transfer-Encoding", "chunked"), ("Transfer-Encoding", "chunked")],
        .status(400)),
    .init("chunked not last is rejected", [("Transfer-Encoding", "chunked, gzip")], .status(400)),
    .init(
        "chunked not last across fields is rejected",
        [("Transfer-Encoding", "chunked"), ("Transfer-Encoding", "gzip")],
        .status(400)),
    .init("an empty coding is rejected", [("Transfer-Encoding", "")], .status(400)),
    .init("an empty list element is rejected", [("Transfer-Encoding", ", chunked")], .status(400)),
    .init("gzip is not implemented", [("Transfer-Encoding", "gzip")], .status(501)),
    .init("deflate is not implemented", [("Transfer-Encoding", "deflate")], .status(501)),
    .init("identity is not implemented", [("Transfer-Encoding", "identity")], .status(501)),
    .init("an unknown coding is not implemented", [("Transfer-Encoding", "x-custom")], .status(501)),
    .init("gzip then chunked is not implemented", [("Transfer-Encoding", "gzip, chunked")], .status(501)),
    .init(
        "gzip then chunked across fields is not implemented",
        [("Transfer-Encoding", "gzip"), ("Transfer-Encoding", "chunked")], .status(501)),
]

@Suite struct BodyFramingTests {
    @Test(arguments: rows)
    func eachRow_givesItsExpectedFramingOrStatus(_ row: FramingCase) {
        switch BodyFraming.determine(for: row.head, maxBodySize: row.maxBodySize) {
        case .success(let framing):
            #expect(FramingCase.Expected.framing(framing) == row.expected)
        case .failure(let error):
            #expect(FramingCase.Expected.status(error.status.code) == row.expected)
            #expect(!error.reason.isEmpty)
        }
    }
}
