import Testing

@testable import JSON

struct JSONWriterTests {
    func text(_ v: JSONValue, pretty: Bool = false) -> String {
        String(decoding: JSONWriter.write(v, pretty: pretty), as: UTF8.self)
    }

    @Test(arguments: [
        ("plain", #""plain""#),
        ("قطر / Qatar", #""قطر / Qatar""#),  // raw UTF-8, slash not escaped
        ("a\"b\\c", #""a\"b\\c""#),
        ("tab\tnl\ncr\r", #""tab\tnl\ncr\r""#),
        ("\u{01}\u{1F}", #""\u0001\u001f""#),
        ("\u{08}\u{0C}", #""\b\f""#),
        ("", #""""#),
        ("end\"", #""end\"""#),
    ])
    func strings_escapeOnlyWhatJSONRequires(input: String, expected: String) {
        #expect(text(.string(input)) == expected)
    }

    @Test func objectKeys_areSortedByBytes_andNumbersKeepTheirForm() {
        let v: JSONValue = .object([
            (key: "b", value: .integer(2)), (key: "a", value: .number(2.7, isInteger: false)), (key: "B", value: .null),
            (key: "ع", value: .bool(true)),
        ])
        #expect(text(v) == #"{"B":null,"a":2.7,"b":2,"ع":true}"#)
    }

    @Test func pretty_indentsByTwoSpaces_andEndsWithANewline() {
        let v: JSONValue = .object([
            (key: "a", value: .array([.integer(1), .object([])])), (key: "e", value: .array([])),
        ])
        #expect(text(v, pretty: true) == "{\n  \"a\": [\n    1,\n    {}\n  ],\n  \"e\": []\n}\n")
    }
}
