import Testing

@testable import Server

/// Field names and tokens compare case-insensitively, folding ASCII letters only.
struct ASCIICaseTests {
    @Test(arguments: [
        ("If-None-Match", "if-none-match", true), ("Content-Length", "CONTENT-LENGTH", true), ("Host", "Host", true),
        ("", "", true),
        ("Host", "Hosts", false), ("Host", "Hist", false),
        ("a@", "a`", false),  // '@' and '`' differ by 0x20 but are not letters
        ("[", "{", false), ("x-é", "X-É", false),  // only ASCII letters fold
    ])
    func names_compareIgnoringASCIILetterCaseOnly(a: String, b: String, equal: Bool) {
        #expect(ASCIICase.equal(a, b) == equal)
        #expect(ASCIICase.equal(b, a) == equal)
        #expect(ASCIICase.equal(Substring(a).utf8, Substring(b).utf8) == equal)
        var copy = a
        #expect(copy.withUTF8 { ASCIICase.equal($0, b) } == equal)
    }
}
