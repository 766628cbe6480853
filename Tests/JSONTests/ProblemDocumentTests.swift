import Testing

@testable import JSON

/// The one-pass problem writer must give, byte for byte, what the general JSON writer gives for the same document:
/// sorted keys, the one escaper, `errors` only when there are some, `instance` only when known.
struct ProblemDocumentTests {
    @Test(arguments: [
        ("No resource at /x.", "/x"),
        ("quote \" backslash \\ newline \n tab \t nul \u{0} del \u{7F} bell \u{8} ff \u{C}", "/a?b=\"c\""),
        ("عربي ومزيد", "/search?q=%D9%82"),
        ("", ""),
    ])
    func bytes_equalTheGeneralWriters(detail: String, instance: String) {
        let errorSets: [[ProblemDocument.InvalidParameter]] = [
            [],
            [.init(parameter: "limit", detail: "limit must be a whole number from 1 to 200; got '0'.")],
            [.init(parameter: "sort", detail: "Unknown \"x\""), .init(parameter: "q", detail: "q must not be empty.")],
        ]
        for (status, title) in [(404, "Not Found"), (400, "Bad Request"), (405, "Method Not Allowed")] {
            for errors in errorSets {
                for instance in [instance, nil] {
                    let document = ProblemDocument(
                        status: status, title: title, detail: detail, instance: instance, errors: errors)
                    #expect(document.bytes() == JSONWriter.write(document.json))
                }
            }
        }
    }

    @Test func aTypeOtherThanAboutBlank_isWrittenAndEscapedLikeAnyString() {
        var document = ProblemDocument(status: 400, title: "Bad Request", detail: "x", instance: "/y")
        document.type = "https://example.com/probs/\"quoted\""
        #expect(document.bytes() == JSONWriter.write(document.json))
        #expect(
            String(decoding: document.bytes(), as: UTF8.self).hasSuffix(
                #""type":"https://example.com/probs/\"quoted\""}"#))
    }

    @Test func anEngineError_hasNoInstanceAndNoErrorsMember() {
        let document = ProblemDocument(status: 413, title: "Content Too Large", detail: "The body is too large.")
        #expect(
            String(decoding: document.bytes(), as: UTF8.self)
                == #"{"detail":"The body is too large.","status":413,"title":"Content Too Large","type":"about:blank"}"#
        )
    }
}
