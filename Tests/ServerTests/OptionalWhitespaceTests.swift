import Testing

@testable import Server

/// The engine's one OWS trimmer (RFC 9110 §5.6.3: SP and HTAB only), which the API's field parsers use too.
@Test(arguments: [(" \t a b \t ", "a b"), ("", ""), ("   ", ""), ("x", "x"), ("\u{A0}x\u{A0}", "\u{A0}x\u{A0}")])
func trimmingOWS_stripsSpacesAndTabsFromBothEnds_only(_ text: String, _ expected: String) {
    #expect(Substring(text).trimmingOWS() == Substring(expected))
}
