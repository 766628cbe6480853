import Server
import Testing

@testable import API

private let exposed = "ETag, Link, X-Total-Count, Content-Language, X-Request-ID"
private let preflightVary = "Origin, Access-Control-Request-Method, Access-Control-Request-Headers"

/// Tuples are not Equatable: compare fields as "Name: value" lines.
private func lines(_ fields: CORSPolicy.Fields?) -> [String]? {
    fields?.map { "\($0.name): \($0.value)" }
}

private let listed = CORSPolicy(origins: .list(["https://example.com", "http://localhost:3000"]))
private let anyOrigin = CORSPolicy(origins: .any)

// MARK: - Parsing --cors-origins

struct ValidOriginsCase: Sendable, CustomTestStringConvertible {
    var text: String
    var expected: CORSPolicy.Origins
    var testDescription: String { "'\(text)'" }
    init(_ text: String, _ expected: CORSPolicy.Origins) {
        self.text = text
        self.expected = expected
    }
}

private let validOrigins: [ValidOriginsCase] = [
    .init("*", .any),
    .init(" * ", .any),
    .init("https://example.com", .list(["https://example.com"])),
    .init("https://example.com,http://localhost:3000", .list(["https://example.com", "http://localhost:3000"])),
    .init(" https://example.com , http://localhost:3000 ", .list(["https://example.com", "http://localhost:3000"])),
    .init("HTTPS://Example.COM", .list(["https://example.com"])),
    .init("https://example.com:443", .list(["https://example.com"])),  // default port dropped
    .init("http://example.com:80", .list(["http://example.com"])),
    .init("http://example.com:443", .list(["http://example.com:443"])),  // not the default for http
    .init("https://example.com:08443", .list(["https://example.com:8443"])),
    .init("http://127.0.0.1:8080", .list(["http://127.0.0.1:8080"])),
    .init("http://[::1]:3000", .list(["http://[::1]:3000"])),
    .init("http://[FE80::1]", .list(["http://[fe80::1]"])),
    .init("https://xn--80ak6aa92e.com", .list(["https://xn--80ak6aa92e.com"])),
    .init("https://a.example.com,https://A.example.com", .list(["https://a.example.com"])),  // kept once
]

@Test(arguments: validOrigins)
func parse_acceptsStarOrSerializedOrigins_normalized(_ row: ValidOriginsCase) throws {
    let policy = try CORSPolicy.parse(row.text).get()
    #expect(policy.origins == row.expected)
}

struct InvalidOriginsCase: Sendable, CustomTestStringConvertible {
    var text: String
    /// What the message must quote, so the operator finds the bad entry.
    var named: String
    var testDescription: String { "'\(text)' names '\(named)'" }
    init(_ text: String, names named: String) {
        self.text = text
        self.named = named
    }
}

private let invalidOrigins: [InvalidOriginsCase] = [
    .init("https://example.com/", names: "'https://example.com/'"),
    .init("https://example.com/app", names: "'https://example.com/app'"),
    .init("https://example.com?x=1", names: "'https://example.com?x=1'"),
    .init("https://example.com#top", names: "'https://example.com#top'"),
    .init("https://*.example.com", names: "'https://*.example.com'"),
    .init("https://ok.example.com, *.example.com", names: "'*.example.com'"),
    .init("example.com", names: "'example.com'"),
    .init("ftp://example.com", names: "'ftp://example.com'"),
    .init("https://", names: "'https://'"),
    .init("https://user@example.com", names: "'https://user@example.com'"),
    .init("https://example.com:", names: "'https://example.com:'"),
    .init("https://example.com:0", names: "'https://example.com:0'"),
    .init("https://example.com:65536", names: "'https://example.com:65536'"),
    .init("https://example.com:http", names: "'https://example.com:http'"),
    .init("https://exa mple.com", names: "'https://exa mple.com'"),
    .init("https://bad_host.com", names: "'https://bad_host.com'"),
    .init("https://-example.com", names: "'https://-example.com'"),
    .init("https://example..com", names: "'https://example..com'"),
    .init("https://example.com.", names: "'https://example.com.'"),
    .init("https://пример.рф", names: "'https://пример.рф'"),
    .init("http://[::1", names: "'http://[::1'"),
    .init("http://[zz::1]", names: "'http://[zz::1]'"),
    .init("https://example.com, *", names: "'*'"),
    .init("https://example.com,,http://localhost:3000", names: "empty entry"),
    .init("https://example.com,", names: "empty entry"),
    .init("", names: "empty"),
    .init("  ", names: "empty"),
]

@Test(arguments: invalidOrigins)
func parse_refusesAnythingButASerializedOrigin_namingTheEntry(_ row: InvalidOriginsCase) {
    switch CORSPolicy.parse(row.text) {
    case .success(let policy):
        Issue.record("accepted as \(policy.origins)")
    case .failure(let error):
        #expect(error.message.contains(row.named), "\(error.message)")
    }
}

@Test func parse_explainsATrailingSlash() throws {
    let error = try #require(CORSPolicy.parse("https://example.com/").failure)
    #expect(error.message.contains("trailing slash"))
    #expect(error.message.contains("https://example.com"))
}

// MARK: - Fields of every response

@Test func responseHeaders_forAnyOrigin_allowStar_withoutVary() {
    let expected = ["Access-Control-Allow-Origin: *", "Access-Control-Expose-Headers: \(exposed)"]
    #expect(lines(anyOrigin.responseHeaders(origin: "https://anything.example")) == expected)
    #expect(lines(anyOrigin.responseHeaders(origin: nil)) == expected)
}

@Test func responseHeaders_forAListedOrigin_echoItAndVaryOnOrigin() {
    #expect(
        lines(listed.responseHeaders(origin: "http://localhost:3000")) == [
            "Access-Control-Allow-Origin: http://localhost:3000",
            "Vary: Origin",
            "Access-Control-Expose-Headers: \(exposed)",
        ])
}

@Test func responseHeaders_matchSchemeAndHostCaseInsensitively_echoingTheRequestsSpelling() {
    #expect(
        lines(listed.responseHeaders(origin: "HTTPS://Example.com")) == [
            "Access-Control-Allow-Origin: HTTPS://Example.com",
            "Vary: Origin",
            "Access-Control-Expose-Headers: \(exposed)",
        ])
}

@Test(arguments: [
    "https://evil.example", "https://example.com:8443", "http://example.com", "https://example.com.evil",
    "null", "",
])
func responseHeaders_forAnUnlistedOrigin_onlyVaryOnOrigin(_ origin: String) {
    #expect(lines(listed.responseHeaders(origin: origin)) == ["Vary: Origin"])
}

@Test func responseHeaders_withoutOrigin_stillVaryOnOrigin() {
    #expect(lines(listed.responseHeaders(origin: nil)) == ["Vary: Origin"])
}

// MARK: - Preflight

struct PreflightCase: Sendable, CustomTestStringConvertible {
    var label: String
    var policy: CORSPolicy
    var method: String
    var fields: [(String, String)]
    var expected: [String]?
    var testDescription: String { label }
}

private let preflights: [PreflightCase] = [
    .init(
        label: "OPTIONS without Origin is not a preflight", policy: listed, method: "OPTIONS",
        fields: [("Access-Control-Request-Method", "GET")], expected: nil),
    .init(
        label: "OPTIONS without Access-Control-Request-Method is not a preflight", policy: listed, method: "OPTIONS",
        fields: [("Origin", "https://example.com")], expected: nil),
    .init(
        label: "GET carrying both fields is not a preflight", policy: listed, method: "GET",
        fields: [("Origin", "https://example.com"), ("Access-Control-Request-Method", "GET")], expected: nil),
    .init(
        label: "a listed origin asking for GET", policy: listed, method: "OPTIONS",
        fields: [("Origin", "https://example.com"), ("Access-Control-Request-Method", "GET")],
        expected: [
            "Access-Control-Allow-Origin: https://example.com",
            "Access-Control-Expose-Headers: \(exposed)",
            "Access-Control-Allow-Methods: GET, HEAD, OPTIONS",
            "Access-Control-Max-Age: 86400",
            "Vary: \(preflightVary)",
        ]),
    .init(
        label: "requested headers are filtered to the allowed set, in canonical spelling, once each",
        policy: listed, method: "OPTIONS",
        fields: [
            ("Origin", "https://example.com"), ("Access-Control-Request-Method", "GET"),
            ("Access-Control-Request-Headers", "accept-language, authorization, if-none-match,x-request-id"),
            ("access-control-request-headers", "X-Custom, Accept-Language, range"),
        ],
        expected: [
            "Access-Control-Allow-Origin: https://example.com",
            "Access-Control-Expose-Headers: \(exposed)",
            "Access-Control-Allow-Methods: GET, HEAD, OPTIONS",
            "Access-Control-Allow-Headers: Accept-Language, If-None-Match, X-Request-ID, Range",
            "Access-Control-Max-Age: 86400",
            "Vary: \(preflightVary)",
        ]),
    .init(
        label: "only disallowed headers requested: no Allow-Headers field", policy: listed, method: "OPTIONS",
        fields: [
            ("Origin", "https://example.com"), ("Access-Control-Request-Method", "GET"),
            ("Access-Control-Request-Headers", "authorization, cookie"),
        ],
        expected: [
            "Access-Control-Allow-Origin: https://example.com",
            "Access-Control-Expose-Headers: \(exposed)",
            "Access-Control-Allow-Methods: GET, HEAD, OPTIONS",
            "Access-Control-Max-Age: 86400",
            "Vary: \(preflightVary)",
        ]),
    .init(
        label: "a method we do not allow is answered, but not listed: the browser blocks", policy: listed,
        method: "OPTIONS",
        fields: [("Origin", "https://example.com"), ("Access-Control-Request-Method", "DELETE")],
        expected: [
            "Access-Control-Allow-Origin: https://example.com",
            "Access-Control-Expose-Headers: \(exposed)",
            "Access-Control-Allow-Methods: GET, HEAD, OPTIONS",
            "Access-Control-Max-Age: 86400",
            "Vary: \(preflightVary)",
        ]),
    .init(
        label: "an unlisted origin gets only Vary", policy: listed, method: "OPTIONS",
        fields: [
            ("Origin", "https://evil.example"), ("Access-Control-Request-Method", "GET"),
            ("Access-Control-Request-Headers", "accept"),
        ],
        expected: ["Vary: \(preflightVary)"]),
    .init(
        label: "any origin: star, and still one Vary listing all three", policy: anyOrigin, method: "OPTIONS",
        fields: [
            ("Origin", "https://anything.example"), ("Access-Control-Request-Method", "HEAD"),
            ("Access-Control-Request-Headers", "content-type"),
        ],
        expected: [
            "Access-Control-Allow-Origin: *",
            "Access-Control-Expose-Headers: \(exposed)",
            "Access-Control-Allow-Methods: GET, HEAD, OPTIONS",
            "Access-Control-Allow-Headers: Content-Type",
            "Access-Control-Max-Age: 86400",
            "Vary: \(preflightVary)",
        ]),
]

@Test(arguments: preflights)
func preflightHeaders_answerFetchPreflights(_ row: PreflightCase) {
    let answer = row.policy.preflightHeaders(method: row.method, headers: Headers(row.fields))
    #expect(lines(answer) == row.expected)
}

@Test func preflightHeaders_sendExactlyOneVaryField() throws {
    let headers = Headers([("Origin", "https://example.com"), ("Access-Control-Request-Method", "GET")])
    let answer = try #require(listed.preflightHeaders(method: "OPTIONS", headers: headers))
    #expect(answer.filter { $0.name == "Vary" }.count == 1)
}

// MARK: - Equality

@Test func policies_areEqualWhenTheirOriginsAre() {
    #expect(CORSPolicy(origins: .any) == CORSPolicy(origins: .any))
    #expect(CORSPolicy(origins: .list(["https://a.example"])) == CORSPolicy(origins: .list(["https://a.example"])))
    #expect(CORSPolicy(origins: .list(["https://a.example"])) != CORSPolicy(origins: .any))
}

extension Result {
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
