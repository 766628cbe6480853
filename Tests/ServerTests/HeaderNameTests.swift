import Testing

@testable import Server

/// Field names are case-insensitive (RFC 9110 §5.1) but sent as written.
struct HeaderNameTests {
    @Test(arguments: [
        ("Content-Type", "content-type", true), ("ETAG", "ETag", true), ("x-request-id", "X-Request-ID", true),
        ("Content-Type", "Content-Typf", false), ("Vary", "Var", false), ("A@", "a`", false),
    ])
    func equality_ignoresTheCaseOfLettersOnly(a: String, b: String, equal: Bool) {
        #expect((HeaderName(a) == HeaderName(b)) == equal)
        #expect((HeaderName(b) == HeaderName(a)) == equal)
    }

    @Test func namesThatDifferOnlyInCase_hashAlike_andAreOneKey() {
        #expect(HeaderName("Cache-Control").hashValue == HeaderName("cACHE-cONTROL").hashValue)
        let set: Set<HeaderName> = ["Cache-Control", "cache-control", "CACHE-CONTROL", "Vary"]
        #expect(set.count == 2)
        #expect(set.contains(.cacheControl))
    }

    @Test func theNameAsWritten_isKept() {
        #expect(HeaderName("x-Total-COUNT").rawName == "x-Total-COUNT")
        #expect(HeaderName.xTotalCount.description == "X-Total-Count")
    }

    @Test func aLiteral_isTheSameAsTheStaticMember() {
        let literal: HeaderName = "x-request-id"
        #expect(literal == .xRequestID)
    }

    @Test func lookups_findAFieldWhateverTheCaseOfEitherSide() {
        let headers = Headers([("content-type", "a"), ("CONTENT-TYPE", "b")])
        #expect(headers[.contentType] == "a")
        #expect(headers.values(for: "Content-Type") == ["a", "b"])
    }

    @Test func exactlyTheFramingNames_areEngineOwned_inAnyCase() {
        for name in HeaderName.engineOwnedNames {
            #expect(HeaderName(name).isEngineOwned)
            #expect(HeaderName(name.lowercased()).isEngineOwned)
            #expect(HeaderName(name.uppercased()).isEngineOwned)
        }
        for name in [HeaderName.date, .server, .contentLength, .connection, .transferEncoding] {
            #expect(name.isEngineOwned)
        }
        for name in ["Content-Type", "Dates", "Serve", "Content-Length2", "Connectio", "X-Request-ID", "Vary", ""] {
            #expect(!HeaderName(name).isEngineOwned, "\(name)")
        }
    }
}
