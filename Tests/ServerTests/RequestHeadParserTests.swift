import Testing

@testable import Server

/// One row of the parser table: bytes in, expected outcome out.
struct HeadCase: Sendable, CustomTestStringConvertible {
    enum Expected: Sendable {
        case head(
            method: String, target: String, path: String, query: String?, version: HTTPVersion,
            headers: [(String, String)], consumed: Int)
        /// Valid but for bytes browsers leave raw: the head carries the target percent-encoded (`targetWasEncoded`).
        case encoded(method: String, target: String, path: String, query: String?)
        case status(Int)
        case incomplete
    }

    var name: String
    var bytes: [UInt8]
    var limits: ParserLimits
    var expected: Expected

    var testDescription: String { name }

    /// A valid row. `target` defaults to `path` (+ "?" + query); `consumed` defaults to every byte.
    static func valid(
        _ name: String, _ text: String, method: String = "GET", target: String? = nil, path: String,
        query: String? = nil,
        version: HTTPVersion = .http1_1, headers: [(String, String)], consumed: Int? = nil,
        limits: ParserLimits = ParserLimits()
    ) -> HeadCase {
        valid(
            name, Array(text.utf8), method: method, target: target, path: path, query: query, version: version,
            headers: headers, consumed: consumed, limits: limits)
    }

    static func valid(
        _ name: String, _ bytes: [UInt8], method: String = "GET", target: String? = nil, path: String,
        query: String? = nil,
        version: HTTPVersion = .http1_1, headers: [(String, String)], consumed: Int? = nil,
        limits: ParserLimits = ParserLimits()
    ) -> HeadCase {
        HeadCase(
            name: name, bytes: bytes, limits: limits,
            expected: .head(
                method: method, target: target ?? (path + (query.map { "?" + $0 } ?? "")), path: path, query: query,
                version: version, headers: headers,
                consumed: consumed ?? bytes.count))
    }

    /// A row whose target has raw `[ ] { } | \ ^` or backtick; `target` defaults to `path` (+ "?" + query), encoded.
    static func encoded(
        _ name: String, _ text: String, method: String = "GET", target: String? = nil, path: String,
        query: String? = nil, limits: ParserLimits = ParserLimits()
    ) -> HeadCase {
        HeadCase(
            name: name, bytes: Array(text.utf8), limits: limits,
            expected: .encoded(
                method: method, target: target ?? (path + (query.map { "?" + $0 } ?? "")), path: path, query: query))
    }

    static func invalid(_ name: String, _ text: String, _ status: Int, limits: ParserLimits = ParserLimits())
        -> HeadCase
    {
        invalid(name, Array(text.utf8), status, limits: limits)
    }

    static func invalid(_ name: String, _ bytes: [UInt8], _ status: Int, limits: ParserLimits = ParserLimits())
        -> HeadCase
    {
        HeadCase(name: name, bytes: bytes, limits: limits, expected: .status(status))
    }
}

/// Small limits so the limit rows stay short enough to split at every byte boundary.
private let small = ParserLimits(maxRequestLineLength: 32, maxHeaderSectionSize: 64, maxHeaderCount: 3)
private let host = [("Host", "h")]

private let validRows: [HeadCase] = [
    .valid(
        "GET in origin-form", "GET /countries/kz HTTP/1.1\r\nHost: example.com\r\n\r\n",
        path: "/countries/kz", headers: [("Host", "example.com")]),
    .valid(
        "method is a case-sensitive token kept as sent", "m-Search!~ / HTTP/1.1\r\nHost: h\r\n\r\n",
        method: "m-Search!~", path: "/", headers: host),
    .valid(
        "query with %XX escapes stays encoded", "GET /search?q=%D8%B9%20x&lang=ar HTTP/1.1\r\nHost: h\r\n\r\n",
        path: "/search", query: "q=%D8%B9%20x&lang=ar", headers: host),
    .valid(
        "path with %XX escapes stays encoded", "GET /a%2Fb/%e2%82%ac HTTP/1.1\r\nHost: h\r\n\r\n",
        path: "/a%2Fb/%e2%82%ac", headers: host),
    .valid(
        "question mark with nothing after gives an empty query", "GET /a? HTTP/1.1\r\nHost: h\r\n\r\n",
        path: "/a", query: "", headers: host),
    .valid(
        "query starts after the first question mark", "GET /a?b?c=/d HTTP/1.1\r\nHost: h\r\n\r\n",
        path: "/a", query: "b?c=/d", headers: host),
    .valid(
        "every allowed target character", "GET /-._~!$&'()*+,;=:@/ HTTP/1.1\r\nHost: h\r\n\r\n",
        path: "/-._~!$&'()*+,;=:@/", headers: host),
    .valid(
        "absolute-form uses the path of the target",
        "GET http://example.com:8080/countries?x=1 HTTP/1.1\r\nHost: example.com:8080\r\n\r\n",
        target: "http://example.com:8080/countries?x=1", path: "/countries", query: "x=1",
        headers: [("Host", "example.com:8080")]),
    .valid(
        "absolute-form with uppercase https scheme and empty path gives /",
        "GET HTTPS://example.com HTTP/1.1\r\nHost: h\r\n\r\n",
        target: "HTTPS://example.com", path: "/", headers: host),
    .valid(
        "absolute-form with empty path and a query", "GET http://h?x=1 HTTP/1.1\r\nHost: h\r\n\r\n",
        target: "http://h?x=1", path: "/", query: "x=1", headers: host),
    .valid(
        "absolute-form with an IP-literal host", "GET http://[::1]:8080/p HTTP/1.1\r\nHost: [::1]:8080\r\n\r\n",
        target: "http://[::1]:8080/p", path: "/p", headers: [("Host", "[::1]:8080")]),
    .valid(
        "OPTIONS in asterisk-form", "OPTIONS * HTTP/1.1\r\nHost: h\r\n\r\n", method: "OPTIONS", path: "*", headers: host
    ),
    .valid("HTTP/1.0 without Host", "GET / HTTP/1.0\r\n\r\n", path: "/", version: .http1_0, headers: []),
    .valid("HTTP/1.0 with Host", "GET / HTTP/1.0\r\nHost: h\r\n\r\n", path: "/", version: .http1_0, headers: host),
    .valid(
        "duplicate headers are kept in order",
        "GET / HTTP/1.1\r\nAccept: a\r\nHost: h\r\nX-A: 1\r\naccept: b\r\n\r\n",
        path: "/", headers: [("Accept", "a"), ("Host", "h"), ("X-A", "1"), ("accept", "b")]),
    .valid(
        "OWS around a value is trimmed, inner whitespace kept",
        "GET / HTTP/1.1\r\nHost:h\r\nX: \t value  with \t inner \t \r\n\r\n",
        path: "/", headers: [("Host", "h"), ("X", "value  with \t inner")]),
    .valid(
        "empty values are allowed", "GET / HTTP/1.1\r\nHost: h\r\nX-Empty:\r\nX-Blank: \t \r\n\r\n",
        path: "/", headers: [("Host", "h"), ("X-Empty", ""), ("X-Blank", "")]),
    .valid(
        "obs-text in a value is allowed (UTF-8)", "GET / HTTP/1.1\r\nHost: h\r\nX-Name: caf\u{E9} \u{0642}\r\n\r\n",
        path: "/", headers: [("Host", "h"), ("X-Name", "caf\u{E9} \u{0642}")]),
    .valid(
        "obs-text that is not UTF-8 is replaced by U+FFFD",
        Array("GET / HTTP/1.1\r\nHost: h\r\nX: a".utf8) + [0xFF] + Array("b\r\n\r\n".utf8),
        path: "/", headers: [("Host", "h"), ("X", "a\u{FFFD}b")]),
    .valid("empty Host is allowed", "GET / HTTP/1.1\r\nHost:\r\n\r\n", path: "/", headers: [("Host", "")]),
    .valid(
        "leading empty lines are skipped and consumed", "\r\n\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\n", path: "/",
        headers: host),
    .valid(
        "pipelined: consumed stops at the end of the first head",
        "GET /1 HTTP/1.1\r\nHost: h\r\n\r\nGET /2 HTTP/1.1\r\nHost: h\r\n\r\n",
        path: "/1", headers: host, consumed: "GET /1 HTTP/1.1\r\nHost: h\r\n\r\n".utf8.count),
    .valid(
        "body bytes after the head are not consumed",
        "POST /p HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nabc",
        method: "POST", path: "/p", headers: [("Host", "h"), ("Content-Length", "3")],
        consumed: "POST /p HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\n".utf8.count),
    .valid(
        "request line of exactly the limit",
        "GET /\(String(repeating: "a", count: 18)) HTTP/1.1\r\nHost: h\r\n\r\n",
        path: "/" + String(repeating: "a", count: 18), headers: host, limits: small),
    .valid(
        "header section of exactly the limit",
        "GET / HTTP/1.1\r\nHost: h\r\nX: \(String(repeating: "v", count: 48))\r\n\r\n",
        path: "/", headers: [("Host", "h"), ("X", String(repeating: "v", count: 48))], limits: small),
    .valid(
        "exactly the maximum number of fields", "GET / HTTP/1.1\r\nHost: h\r\nA: 1\r\nB: 2\r\n\r\n",
        path: "/", headers: [("Host", "h"), ("A", "1"), ("B", "2")], limits: small),
]

private let invalidRows: [HeadCase] = [
    // Line terminators (RFC 9112 §2.2).
    .invalid("bare LF ending the request line", "GET / HTTP/1.1\nHost: h\r\n\r\n", 400),
    .invalid("bare LF ending a header line", "GET / HTTP/1.1\r\nHost: h\n\r\n", 400),
    .invalid("bare LF as the final empty line", "GET / HTTP/1.1\r\nHost: h\r\n\n", 400),
    .invalid("bare LF before the request line", "\nGET / HTTP/1.1\r\nHost: h\r\n\r\n", 400),
    .invalid("bare CR in the request line", "GET / HTTP/1.1\rHost: h\r\n\r\n", 400),
    .invalid("bare CR in a header line", "GET / HTTP/1.1\r\nHost: h\rX: y\r\n\r\n", 400),
    .invalid("bare CR in a leading empty line", "\r\rGET / HTTP/1.1\r\n", 400),
    // Request line (RFC 9112 §3).
    .invalid("empty method", " / HTTP/1.1\r\nHost: h\r\n\r\n", 400),
    .invalid("method with a non-token character", "GE(T / HTTP/1.1\r\nHost: h\r\n\r\n", 400),
    .invalid("two spaces after the method", "GET  / HTTP/1.1\r\nHost: h\r\n\r\n", 400),
    .invalid("two spaces before the version", "GET /  HTTP/1.1\r\nHost: h\r\n\r\n", 400),
    .invalid("tab as separator", "GET\t/ HTTP/1.1\r\nHost: h\r\n\r\n", 400),
    .invalid("space after the version", "GET / HTTP/1.1 \r\nHost: h\r\n\r\n", 400),
    .invalid("missing version", "GET /\r\nHost: h\r\n\r\n", 400),
    .invalid("space inside the target", "GET /a b HTTP/1.1\r\nHost: h\r\n\r\n", 400),
    // Request-target (RFC 9112 §3.2).
    .invalid("asterisk-form with GET", "GET * HTTP/1.1\r\nHost: h\r\n\r\n", 400),
    .invalid("asterisk followed by more", "OPTIONS *x HTTP/1.1\r\nHost: h\r\n\r\n", 400),
    .invalid("authority-form", "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com\r\n\r\n", 400),
    .invalid("relative target", "GET countries HTTP/1.1\r\nHost: h\r\n\r\n", 400),
    .invalid("absolute-form with a scheme other than http(s)", "GET ftp://h/ HTTP/1.1\r\nHost: h\r\n\r\n", 400),
    .invalid("absolute-form http-like scheme", "GET httpx://h/ HTTP/1.1\r\nHost: h\r\n\r\n", 400),
    .invalid("absolute-form with one slash", "GET http:/h/ HTTP/1.1\r\nHost: h\r\n\r\n", 400),
    .invalid("absolute-form without a host", "GET http:///p HTTP/1.1\r\nHost: h\r\n\r\n", 400),
    .invalid("absolute-form with userinfo", "GET http://u@h/ HTTP/1.1\r\nHost: h\r\n\r\n", 400),
    .invalid("control character in the target", "GET /a\u{01}b HTTP/1.1\r\nHost: h\r\n\r\n", 400),
    .invalid("DEL in the target", "GET /a\u{7F} HTTP/1.1\r\nHost: h\r\n\r\n", 400),
    .invalid("fragment in the target", "GET /a#frag HTTP/1.1\r\nHost: h\r\n\r\n", 400),
    .invalid("non-ASCII byte in the target", "GET /caf\u{E9} HTTP/1.1\r\nHost: h\r\n\r\n", 400),
    .invalid("double quote in the target", "GET /\"x\" HTTP/1.1\r\nHost: h\r\n\r\n", 400),
    .invalid("percent with one hex digit in the path", "GET /a%2 HTTP/1.1\r\nHost: h\r\n\r\n", 400),
    .invalid("percent with non-hex digits in the path", "GET /a%zz HTTP/1.1\r\nHost: h\r\n\r\n", 400),
    .invalid("percent with non-hex digit in the query", "GET /a?q=%G1 HTTP/1.1\r\nHost: h\r\n\r\n", 400),
    .invalid("percent at the end of the query", "GET /a?q=% HTTP/1.1\r\nHost: h\r\n\r\n", 400),
    .invalid(
        "malformed percent-encoding in an absolute-form authority", "GET http://h%4/ HTTP/1.1\r\nHost: h\r\n\r\n", 400),
    // HTTP-version (RFC 9112 §2.3): malformed → 400, well-formed but unsupported → 505.
    .invalid("version without minor", "GET / HTTP/1\r\nHost: h\r\n\r\n", 400),
    .invalid("lowercase version", "GET / http/1.1\r\nHost: h\r\n\r\n", 400),
    .invalid("two-digit minor version", "GET / HTTP/1.10\r\nHost: h\r\n\r\n", 400),
    .invalid("wrong protocol name", "GET / HTTX/1.1\r\nHost: h\r\n\r\n", 400),
    .invalid("letter as version digit", "GET / HTTP/a.1\r\nHost: h\r\n\r\n", 400),
    .invalid("HTTP/2.0", "GET / HTTP/2.0\r\nHost: h\r\n\r\n", 505),
    .invalid("HTTP/1.2", "GET / HTTP/1.2\r\nHost: h\r\n\r\n", 505),
    .invalid("HTTP/0.9", "GET / HTTP/0.9\r\nHost: h\r\n\r\n", 505),
    .invalid("HTTP/3.0 before any header arrives", "GET / HTTP/3.0\r\n", 505),
    // Request line limit → 414, without waiting for a line end.
    .invalid(
        "request line one byte over the limit",
        "GET /\(String(repeating: "a", count: 19)) HTTP/1.1\r\nHost: h\r\n\r\n", 414, limits: small),
    .invalid(
        "request line over the limit that never ends", "GET /\(String(repeating: "a", count: 40))", 414, limits: small),
    .invalid("endless method", String(repeating: "G", count: 40), 414, limits: small),
    .invalid(
        "leading empty lines count toward the request line limit",
        String(repeating: "\r\n", count: 10) + "GET /aaaaaaaaaa HTTP/1.1\r\nHost: h\r\n\r\n", 414, limits: small),
    // Field lines (RFC 9112 §5, RFC 9110 §5.5).
    .invalid("whitespace between field name and colon", "GET / HTTP/1.1\r\nHost : h\r\n\r\n", 400),
    .invalid("tab between field name and colon", "GET / HTTP/1.1\r\nHost\t: h\r\n\r\n", 400),
    .invalid("header line without colon", "GET / HTTP/1.1\r\nHost: h\r\nNoColon\r\n\r\n", 400),
    .invalid("obs-fold continuation line", "GET / HTTP/1.1\r\nHost: h\r\nX: a\r\n  b\r\n\r\n", 400),
    .invalid("whitespace before the first header", "GET / HTTP/1.1\r\n\tHost: h\r\n\r\n", 400),
    .invalid("empty field name", "GET / HTTP/1.1\r\nHost: h\r\n: v\r\n\r\n", 400),
    .invalid("non-token character in field name", "GET / HTTP/1.1\r\nHost: h\r\nX(y): v\r\n\r\n", 400),
    .invalid("non-ASCII byte in field name", "GET / HTTP/1.1\r\nHost: h\r\nX\u{E9}: v\r\n\r\n", 400),
    .invalid("NUL in a value", "GET / HTTP/1.1\r\nHost: h\r\nX: a\u{0}b\r\n\r\n", 400),
    .invalid("NUL starting a value", "GET / HTTP/1.1\r\nHost: h\r\nX: \u{0}\r\n\r\n", 400),
    .invalid("control character 0x01 in a value", "GET / HTTP/1.1\r\nHost: h\r\nX: a\u{01}\r\n\r\n", 400),
    .invalid("control character 0x1F in a value", "GET / HTTP/1.1\r\nHost: h\r\nX: a\u{1F}b\r\n\r\n", 400),
    .invalid("DEL in a value", "GET / HTTP/1.1\r\nHost: h\r\nX: a\u{7F}b\r\n\r\n", 400),
    .invalid("CR inside a value", "GET / HTTP/1.1\r\nHost: h\r\nX: a\rb\r\n\r\n", 400),
    // Header section limits → 431.
    .invalid(
        "header section one byte over the limit",
        "GET / HTTP/1.1\r\nHost: h\r\nX: \(String(repeating: "v", count: 49))\r\n\r\n", 431, limits: small),
    .invalid(
        "header section over the limit that never ends",
        "GET / HTTP/1.1\r\nX: \(String(repeating: "v", count: 100))", 431, limits: small),
    .invalid(
        "one field more than the maximum", "GET / HTTP/1.1\r\nHost: h\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n", 431,
        limits: small),
    // Host (RFC 9112 §3.2).
    .invalid("HTTP/1.1 without Host", "GET / HTTP/1.1\r\nAccept: */*\r\n\r\n", 400),
    .invalid("HTTP/1.1 with two Host fields", "GET / HTTP/1.1\r\nHost: a\r\nhost: a\r\n\r\n", 400),
    .invalid("HTTP/1.0 with two Host fields", "GET / HTTP/1.0\r\nHost: a\r\nHOST: b\r\n\r\n", 400),
    .invalid("Host with inner whitespace", "GET / HTTP/1.1\r\nHost: a b\r\n\r\n", 400),
    .invalid("Host with a slash", "GET / HTTP/1.1\r\nHost: a/b\r\n\r\n", 400),
    .invalid("Host with userinfo", "GET / HTTP/1.1\r\nHost: u@a\r\n\r\n", 400),
    .invalid("Host with malformed percent-encoding", "GET / HTTP/1.1\r\nHost: a%2\r\n\r\n", 400),
]

/// RFC 9112 §3.2: bytes browsers leave raw (WHATWG URL) are percent-encoded for the redirect; the rest stays a 400.
private let rawTargetRows: [HeadCase] = [
    .encoded(
        "raw brackets in the query (a JSON:API sparse fieldset)",
        "GET /countries/kz?include=people&fields[people]=name HTTP/1.1\r\nHost: h\r\n\r\n",
        path: "/countries/kz", query: "include=people&fields%5Bpeople%5D=name"),
    .encoded(
        "every browser-raw byte in the path and the query", "GET /a[]{}|\\^`?q=[]{}|\\^` HTTP/1.1\r\nHost: h\r\n\r\n",
        path: "/a%5B%5D%7B%7D%7C%5C%5E%60", query: "q=%5B%5D%7B%7D%7C%5C%5E%60"),
    .encoded(
        "raw bytes beside valid percent-encoding", "GET /s?q=%D8%B9[1] HTTP/1.1\r\nHost: h\r\n\r\n", path: "/s",
        query: "q=%D8%B9%5B1%5D"),
    .encoded(
        "a raw byte after the first question mark only", "GET /a?b?{c} HTTP/1.1\r\nHost: h\r\n\r\n", path: "/a",
        query: "b?%7Bc%7D"),
    .encoded(
        "absolute-form keeps its host, the path and query are encoded",
        "GET http://[::1]:8080/p|q?x=^ HTTP/1.1\r\nHost: [::1]:8080\r\n\r\n",
        target: "http://[::1]:8080/p%7Cq?x=%5E", path: "/p%7Cq", query: "x=%5E"),
    .encoded(
        "POST is still parsed (the connection refuses it)", "POST /[ HTTP/1.1\r\nHost: h\r\n\r\n", method: "POST",
        path: "/%5B"),
    .encoded(
        "request line exactly at the limit once encoded",
        "GET /\(String(repeating: "a", count: 15))[ HTTP/1.1\r\nHost: h\r\n\r\n",
        path: "/" + String(repeating: "a", count: 15) + "%5B", limits: small),
    .invalid(
        "request line over the limit once encoded",
        "GET /\(String(repeating: "a", count: 16))[ HTTP/1.1\r\nHost: h\r\n\r\n",
        414, limits: small),
    .invalid("raw bracket does not excuse a space", "GET /a[ b] HTTP/1.1\r\nHost: h\r\n\r\n", 400),
    .invalid("raw bracket does not excuse a double quote", "GET /a?q=[\"] HTTP/1.1\r\nHost: h\r\n\r\n", 400),
    .invalid("raw bracket does not excuse angle brackets", "GET /a?q=[<x>] HTTP/1.1\r\nHost: h\r\n\r\n", 400),
    .invalid("raw bracket does not excuse a control byte", "GET /a?q=[\u{01}] HTTP/1.1\r\nHost: h\r\n\r\n", 400),
    .invalid("raw bracket does not excuse DEL", "GET /a?q=[\u{7F}] HTTP/1.1\r\nHost: h\r\n\r\n", 400),
    .invalid("raw bracket does not excuse non-ASCII", "GET /a?q=[caf\u{E9}] HTTP/1.1\r\nHost: h\r\n\r\n", 400),
    .invalid("raw bracket does not excuse a fragment", "GET /a?q=[x]#f HTTP/1.1\r\nHost: h\r\n\r\n", 400),
    .invalid("a raw byte does not complete a percent-escape", "GET /a?q=%[1 HTTP/1.1\r\nHost: h\r\n\r\n", 400),
    .invalid("raw bytes in an absolute-form host stay invalid", "GET http://h{x}/ HTTP/1.1\r\nHost: h\r\n\r\n", 400),
    .invalid("raw bytes in a Host field stay invalid", "GET / HTTP/1.1\r\nHost: h|x\r\n\r\n", 400),
    .invalid("raw bytes do not excuse a missing Host", "GET /[ HTTP/1.1\r\n\r\n", 400),
]

private let incompleteRows: [HeadCase] = [
    HeadCase(
        name: "head without the final empty line", bytes: Array("GET / HTTP/1.1\r\nHost: h\r\n".utf8),
        limits: ParserLimits(), expected: .incomplete),
    HeadCase(
        name: "only leading empty lines", bytes: Array("\r\n\r\n".utf8), limits: ParserLimits(), expected: .incomplete),
]

private let allRows = validRows + invalidRows + rawTargetRows + incompleteRows

// MARK: - Feeding helpers

/// Parses `bytes[0..<count]` as the connection would present them.
private func parse(_ parser: inout RequestHeadParser, _ bytes: [UInt8], prefix count: Int) -> RequestHeadParser.Outcome
{
    bytes.withUnsafeBytes { parser.parse(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
}

private func parseWhole(_ row: HeadCase) -> RequestHeadParser.Outcome {
    var parser = RequestHeadParser(limits: row.limits)
    return parse(&parser, row.bytes, prefix: row.bytes.count)
}

/// First the first `k` bytes, then (unless that already decided) the whole buffer — the same growing buffer.
private func parseSplit(_ row: HeadCase, at k: Int) -> RequestHeadParser.Outcome {
    var parser = RequestHeadParser(limits: row.limits)
    let first = parse(&parser, row.bytes, prefix: k)
    guard first == .incomplete else { return first }
    return parse(&parser, row.bytes, prefix: row.bytes.count)
}

/// The buffer grows one byte per call.
private func parseByteByByte(_ row: HeadCase) -> RequestHeadParser.Outcome {
    var parser = RequestHeadParser(limits: row.limits)
    for k in 0...row.bytes.count {
        let outcome = parse(&parser, row.bytes, prefix: k)
        if outcome != .incomplete { return outcome }
    }
    return .incomplete
}

/// Equal outcomes; for invalid ones only the status must agree.
private func sameOutcome(_ a: RequestHeadParser.Outcome, _ b: RequestHeadParser.Outcome) -> Bool {
    switch (a, b) {
    case (.invalid(let x, _), .invalid(let y, _)): x.code == y.code
    default: a == b
    }
}

private func check(_ outcome: RequestHeadParser.Outcome, matches expected: HeadCase.Expected) {
    switch (expected, outcome) {
    case (
        .head(let method, let target, let path, let query, let version, let headers, let consumed),
        .complete(let head, let actualConsumed)
    ):
        #expect(head.method == method)
        #expect(head.target == target)
        #expect(head.path == path)
        #expect(head.query == query)
        #expect(head.version == version)
        // Names compared as sent, not case-insensitively: the parser keeps the case the client wrote.
        #expect(head.headers.fields.map(\.name.rawName) == headers.map(\.0))
        #expect(head.headers.fields.map(\.value) == headers.map(\.1))
        #expect(actualConsumed == consumed)
        #expect(!head.targetWasEncoded)
    case (.encoded(let method, let target, let path, let query), .complete(let head, let consumed)):
        #expect(head.targetWasEncoded)
        #expect(head.method == method)
        #expect(head.target == target)
        #expect(head.path == path)
        #expect(head.query == query)
        #expect(consumed > 0)
    case (.status(let code), .invalid(let status, let reason)):
        #expect(status.code == code)
        #expect(!reason.isEmpty)
    case (.incomplete, .incomplete):
        break
    default:
        Issue.record("expected \(expected), got \(outcome)")
    }
}

// MARK: - The table

@Suite struct RequestHeadParserTests {
    @Test(arguments: allRows)
    func eachRow_givesItsExpectedOutcome(_ row: HeadCase) {
        check(parseWhole(row), matches: row.expected)
    }

    @Test(arguments: allRows)
    func eachRow_givesTheSameOutcome_whenSplitAtEveryByteBoundary(_ row: HeadCase) {
        let whole = parseWhole(row)
        for k in 0...row.bytes.count {
            let split = parseSplit(row, at: k)
            #expect(sameOutcome(split, whole), "split at \(k): \(split) vs \(whole)")
        }
    }

    @Test(arguments: allRows)
    func eachRow_givesTheSameOutcome_whenFedOneByteAtATime(_ row: HeadCase) {
        let whole = parseWhole(row)
        let stepwise = parseByteByByte(row)
        #expect(sameOutcome(stepwise, whole), "\(stepwise) vs \(whole)")
    }

    // MARK: Default limits (too long to split at every boundary)

    @Test func requestLine_ofExactlyTheDefaultLimit_isAccepted() {
        let line = "GET /" + String(repeating: "a", count: 8192 - 14) + " HTTP/1.1"
        #expect(line.utf8.count == 8192)
        let row = HeadCase.valid(
            "", line + "\r\nHost: h\r\n\r\n", path: "/" + String(repeating: "a", count: 8192 - 14), headers: host)
        check(parseWhole(row), matches: row.expected)
    }

    @Test func requestLine_oneByteOverTheDefaultLimit_isRejectedWith414() {
        let row = HeadCase.invalid(
            "", "GET /" + String(repeating: "a", count: 8192 - 13) + " HTTP/1.1\r\nHost: h\r\n\r\n", 414)
        check(parseWhole(row), matches: row.expected)
    }

    @Test func headerSection_ofExactlyTheDefaultLimit_isAccepted_andOneMoreByteIsRejectedWith431() {
        // Section = "Host: h\r\n" (9) + "X: " + value + "\r\n" (5 + n) + "\r\n" (2).
        let fits = String(repeating: "v", count: 16384 - 16)
        let ok = HeadCase.valid(
            "", "GET / HTTP/1.1\r\nHost: h\r\nX: \(fits)\r\n\r\n", path: "/", headers: [("Host", "h"), ("X", fits)])
        check(parseWhole(ok), matches: ok.expected)
        let over = HeadCase.invalid("", "GET / HTTP/1.1\r\nHost: h\r\nX: \(fits)v\r\n\r\n", 431)
        check(parseWhole(over), matches: over.expected)
    }

    @Test func hundredFields_areAccepted_andTheHundredAndFirstIsRejectedWith431() {
        let fields = (1..<100).map { "X-\($0): v\r\n" }.joined()
        let ok = "GET / HTTP/1.1\r\nHost: h\r\n" + fields + "\r\n"
        var parser = RequestHeadParser()
        guard case .complete(let head, _) = parse(&parser, Array(ok.utf8), prefix: ok.utf8.count) else {
            Issue.record("100 fields should be accepted")
            return
        }
        #expect(head.headers.count == 100)
        let over = HeadCase.invalid("", "GET / HTTP/1.1\r\nHost: h\r\n" + fields + "X-100: v\r\n\r\n", 431)
        check(parseWhole(over), matches: over.expected)
    }

    // MARK: Single forward pass

    /// Every call after the first sees the bytes it was already given overwritten with NUL — a byte that is invalid
    /// everywhere in a head. A parser that re-read any of them would answer 400; this one only reads new bytes.
    /// (Only the final call, which materialises the head from the recorded offsets, gets the real bytes back.)
    @Test func scanner_neverRereadsBytesExaminedByEarlierCalls() {
        let text =
            "\r\nOPTIONS http://example.com:80/a%20b?c=d HTTP/1.1\r\nHost: example.com\r\nX-A:  1 \r\nX-B: caf\u{E9}\r\n\r\n"
        let bytes = Array(text.utf8)
        var parser = RequestHeadParser()
        for k in 1..<bytes.count {
            var poisoned = [UInt8](repeating: 0, count: k - 1)
            poisoned.append(bytes[k - 1])
            let outcome = poisoned.withUnsafeBytes { parser.parse($0) }
            #expect(outcome == .incomplete, "after \(k) bytes: \(outcome)")
            #expect(parser.scanPosition == k)
        }
        let outcome = bytes.withUnsafeBytes { parser.parse($0) }
        guard case .complete(let head, let consumed) = outcome else {
            Issue.record("expected a complete head, got \(outcome)")
            return
        }
        #expect(consumed == bytes.count)
        #expect(head.path == "/a%20b")
        #expect(head.query == "c=d")
        #expect(
            head.headers.fields == [
                .init(name: "Host", value: "example.com"), .init(name: "X-A", value: "1"),
                .init(name: "X-B", value: "caf\u{E9}"),
            ])
    }

    /// Fed one byte at a time, a large head is scanned exactly once: the scan position after each call is the number of
    /// bytes given (total work linear in the size), and a call that brings no new byte examines nothing.
    @Test func scanPosition_advancesExactlyByTheNewBytes_soOneByteAtATimeIsLinear() {
        let fields = (0..<90).map { "X-Field-\($0): \(String(repeating: "v", count: 100))\r\n" }.joined()
        let bytes = Array(
            ("GET /\(String(repeating: "p", count: 4000)) HTTP/1.1\r\nHost: h\r\n" + fields + "\r\n").utf8)
        var parser = RequestHeadParser()
        for k in 1..<bytes.count {
            #expect(parse(&parser, bytes, prefix: k) == .incomplete)
            #expect(parser.scanPosition == k)
            #expect(parse(&parser, bytes, prefix: k) == .incomplete)
            #expect(parser.scanPosition == k)
        }
        guard case .complete(let head, let consumed) = parse(&parser, bytes, prefix: bytes.count) else {
            Issue.record("expected a complete head")
            return
        }
        #expect(consumed == bytes.count)
        #expect(head.headers.count == 91)
        #expect(parser.scanPosition == 0)  // ready for the next head
    }

    // MARK: Lifecycle

    @Test func pipelinedHeads_areParsedOneAfterAnother_whenTheCallerDropsConsumedBytes() {
        var buffer = Array(
            "GET /1 HTTP/1.1\r\nHost: h\r\n\r\nGET /2 HTTP/1.1\r\nHost: h\r\n\r\n\r\nPOST /3 HTTP/1.0\r\n\r\n".utf8)
        var parser = RequestHeadParser()
        var paths: [String] = []
        while case .complete(let head, let consumed) = buffer.withUnsafeBytes({ parser.parse($0) }) {
            paths.append(head.path)
            buffer.removeFirst(consumed)
            parser.reset()
        }
        #expect(paths == ["/1", "/2", "/3"])
        #expect(buffer.isEmpty)
    }

    @Test func invalidOutcome_sticksUntilReset() {
        var parser = RequestHeadParser()
        let bad = Array("GET / HTTP/2.0\r\n".utf8)
        let first = bad.withUnsafeBytes { parser.parse($0) }
        let again = bad.withUnsafeBytes { parser.parse($0) }
        #expect(first == .invalid(.httpVersionNotSupported, reason: "only HTTP/1.0 and HTTP/1.1 are supported"))
        #expect(again == first)
        parser.reset()
        let good = Array("GET / HTTP/1.0\r\n\r\n".utf8)
        guard case .complete = good.withUnsafeBytes({ parser.parse($0) }) else {
            Issue.record("reset parser should parse a new head")
            return
        }
    }
}
