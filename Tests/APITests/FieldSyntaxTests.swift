import Server
import Testing

@testable import API

@Test(arguments: [
    ("If-None-Match", "if-none-match", true),
    ("ORIGIN", "origin", true),
    ("X-Request-ID", "x-request-id", true),
    ("Origin", "Origin ", false),
    ("Origin", "Origi", false),
    // Only letters fold: these pairs differ by 0x20 too, but are different characters.
    ("a@b", "a`b", false),
    ("a[b", "a{b", false),
    ("a]b", "a}b", false),
    ("a^b", "a~b", false),
])
func namesEqual_foldsASCIILettersOnly(_ a: String, _ b: String, _ equal: Bool) {
    #expect(FieldSyntax.namesEqual(a, b) == equal)
    #expect(FieldSyntax.namesEqual(b, a) == equal)
}

@Test func values_areEveryFieldOfThatName_inOrder() {
    let headers = Headers([("Vary", "a"), ("Origin", "x"), ("vary", "b"), ("VARY", "c")])
    #expect(Array(FieldSyntax.values(named: "Vary", in: headers)) == ["a", "b", "c"])
    #expect(FieldSyntax.contains("origin", in: headers))
    #expect(!FieldSyntax.contains("Range", in: headers))
}

@Test(arguments: [(" \t a b \t ", "a b"), ("", ""), ("   ", ""), ("x", "x")])
func trimmed_stripsOWSFromBothEnds(_ text: String, _ expected: String) {
    #expect(FieldSyntax.trimmed(Substring(text)) == Substring(expected))
}
