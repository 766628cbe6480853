import Testing

@testable import JSON

@Suite struct JSONParserTests {
    @Test func parse_acceptsAllValueKinds() throws {
        let value = try JSONParser.parse(
            Array(#"{"a": [1, -2.5e1, true, false, null, "x\u00e9\ud83d\ude00\n"], "b": {}}"#.utf8))
        #expect(
            value
                == .object([
                    (
                        "a",
                        .array([
                            .number(1, isInteger: true), .number(-25, isInteger: false), .bool(true), .bool(false),
                            .null, .string("xé😀\n"),
                        ])
                    ),
                    ("b", .object([])),
                ]))
    }

    @Test func parse_keepsDuplicateKeysForTheValidator() throws {
        let value = try JSONParser.parse(Array(#"{"a": 1, "a": 2}"#.utf8))
        guard case .object(let members) = value else {
            Issue.record("not an object")
            return
        }
        #expect(members.map(\.key) == ["a", "a"])
    }

    @Test(arguments: [
        ("", "invalid JSON at line 1, column 1: unexpected end of input"),
        ("[1,]", "invalid JSON at line 1, column 4: unexpected character"),
        ("{\"a\" 1}", "invalid JSON at line 1, column 6: expected ':'"),
        ("[01]", "invalid JSON at line 1, column 3: leading zero in number"),
        ("\"abc", "invalid JSON at line 1, column 5: unterminated string"),
        ("[1] x", "invalid JSON at line 1, column 5: unexpected data after the top-level value"),
        ("\"\\ud800\"", "invalid JSON at line 1, column 8: unpaired surrogate"),
        ("{\n  \"قطر\": tru }", "invalid JSON at line 2, column 10: invalid literal"),
    ])
    func parse_rejectsMalformedInput_withPosition(input: String, message: String) {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(Array(input.utf8)) }
        do {
            _ = try JSONParser.parse(Array(input.utf8))
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func parse_refusesNestingDeeperThanTheLimit() {
        let deep = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(Array(deep.utf8)) }
    }
}
