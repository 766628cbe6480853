import Server
import Testing

@testable import API

struct ConditionalCase: Sendable, CustomTestStringConvertible {
    var label: String
    var method: String
    var fields: [(String, String)]
    var notModified: Bool
    var testDescription: String { label }
    init(_ label: String, method: String = "GET", _ fields: [(String, String)], _ notModified: Bool) {
        self.label = label
        self.method = method
        self.fields = fields
        self.notModified = notModified
    }
}

/// The representation under test: `"x"`, last modified Sun, 06 Nov 1994 08:49:37 GMT.
private let etag = EntityTag(opaque: "x", isWeak: false)
private let lastModified = 784_111_777
private let sameDate = "Sun, 06 Nov 1994 08:49:37 GMT"
private let secondLater = "Sun, 06 Nov 1994 08:49:38 GMT"
private let secondEarlier = "Sun, 06 Nov 1994 08:49:36 GMT"
private let farFuture = "Fri, 31 Dec 9999 23:59:59 GMT"

private let cases: [ConditionalCase] = [
    // If-None-Match
    .init("exact strong match", [("If-None-Match", #""x""#)], true),
    .init("weak client tag matches the strong tag (weak comparison)", [("If-None-Match", #"W/"x""#)], true),
    .init("match in the middle of a list", [("If-None-Match", #""a", W/"x", "b""#)], true),
    .init("match in a second field line", [("If-None-Match", #""a""#), ("If-None-Match", #""b", "x""#)], true),
    .init("field name in any case", [("if-none-match", #""x""#)], true),
    .init("* matches any current representation", [("If-None-Match", "*")], true),
    .init("no match", [("If-None-Match", #""a", "b""#)], false),
    .init("a tag containing the opaque tag is no match", [("If-None-Match", #""xx", "-x""#)], false),
    .init("empty list matches nothing", [("If-None-Match", "")], false),
    .init(
        "If-None-Match takes precedence over a later If-Modified-Since",
        [("If-None-Match", #""a""#), ("If-Modified-Since", farFuture)], false),
    .init(
        "If-None-Match takes precedence over an earlier If-Modified-Since",
        [("If-None-Match", #""x""#), ("If-Modified-Since", secondEarlier)], true),
    .init("a malformed If-None-Match is ignored: no 304 on its own", [("If-None-Match", "x")], false),
    .init(
        "a malformed If-None-Match is ignored: If-Modified-Since applies",
        [("If-None-Match", "x"), ("If-Modified-Since", sameDate)], true),
    // If-Modified-Since
    .init("If-Modified-Since equal to Last-Modified", [("If-Modified-Since", sameDate)], true),
    .init("If-Modified-Since after Last-Modified", [("If-Modified-Since", secondLater)], true),
    .init("If-Modified-Since before Last-Modified", [("If-Modified-Since", secondEarlier)], false),
    .init("If-Modified-Since in RFC 850 format", [("If-Modified-Since", "Sunday, 06-Nov-94 08:49:37 GMT")], true),
    .init("If-Modified-Since in asctime format", [("If-Modified-Since", "Sun Nov  6 08:49:37 1994")], true),
    .init(
        "If-Modified-Since in asctime format, one second early", [("If-Modified-Since", "Sun Nov  6 08:49:36 1994")],
        false),
    .init("an invalid If-Modified-Since is ignored", [("If-Modified-Since", "yesterday")], false),
    .init(
        "If-Modified-Since in lowercase is not an HTTP-date", [("If-Modified-Since", "sun, 06 nov 1994 08:49:37 gmt")],
        false),
    .init(
        "two If-Modified-Since fields are ignored",
        [("If-Modified-Since", sameDate), ("If-Modified-Since", sameDate)], false),
    // Methods and absence
    .init("no conditional fields", [], false),
    .init("HEAD is evaluated like GET", method: "HEAD", [("If-None-Match", #""x""#)], true),
    .init("HEAD with If-Modified-Since", method: "HEAD", [("If-Modified-Since", sameDate)], true),
    .init("POST with a matching If-None-Match", method: "POST", [("If-None-Match", #""x""#)], false),
    .init("POST with If-Modified-Since", method: "POST", [("If-Modified-Since", sameDate)], false),
    .init("OPTIONS with *", method: "OPTIONS", [("If-None-Match", "*")], false),
    .init("methods are case-sensitive: get is not GET", method: "get", [("If-None-Match", #""x""#)], false),
]

@Test(arguments: cases)
func isNotModified_followsRFC9110Section13(_ row: ConditionalCase) {
    let result = ConditionalRequest.isNotModified(
        method: row.method, headers: Headers(row.fields), etag: etag, lastModified: lastModified)
    #expect(result == row.notModified)
}

@Test func isNotModified_comparesWeaklyWhenTheServerTagIsWeak() {
    let weakTag = EntityTag(opaque: "x", isWeak: true)
    #expect(
        ConditionalRequest.isNotModified(
            method: "GET", headers: Headers([("If-None-Match", #""x""#)]), etag: weakTag, lastModified: 0))
}

@Test func isNotModified_matchesAComputedStrongTagByItsHeaderValue() {
    let body = Array(#"{"status":"ok"}"#.utf8)
    let tag = EntityTag.strong(for: body)
    let headers = Headers([("If-None-Match", tag.headerValue)])
    #expect(ConditionalRequest.isNotModified(method: "GET", headers: headers, etag: tag, lastModified: 0))
    #expect(
        !ConditionalRequest.isNotModified(
            method: "GET", headers: headers, etag: EntityTag.strong(for: body + [0x20]), lastModified: 0))
}
