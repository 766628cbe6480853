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

    /// The escaper scans eight bytes at a time: every byte that needs an escape, at every position of a long string
    /// among Arabic and ASCII neighbours, is found (checked against a byte-by-byte escaper).
    @Test func strings_escapeEveryByte_atEveryPosition() {
        let filler = Array("قطر Qatar ~\u{7F}قطر Qatar ~\u{7F}".utf8)
        for special in [UInt8(0x00), 0x01, 0x0A, 0x1F, 0x22, 0x5C] {
            for position in 0..<20 {
                var bytes = Array(filler.prefix(position)) + filler.prefix(20 - position)
                bytes.insert(special, at: position)
                let input = String(decoding: bytes, as: UTF8.self)
                #expect(text(.string(input)) == byteByByte(input), "byte \(special) at \(position)")
            }
        }
        // Bytes just above the escaped ones (and UTF-8 lead and continuation bytes) are kept as they are.
        let kept = "\u{20}!#[]\u{7F}\u{80}ÿ\u{5BF}ع\u{10FFFF}"
        #expect(text(.string(kept + kept)) == "\"" + kept + kept + "\"")
    }

    private func byteByByte(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case _ where scalar.value < 0x20:
                out += "\\u00" + String(scalar.value >> 4, radix: 16) + String(scalar.value & 0xF, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    @Test func keysSortByBytes_notByUnicodeOrder_andNegativeIntegersKeepTheirSign() {
        // "Z" (0x5A) before "a" (0x61), "é" (0xC3 …) after "z", a prefix before its extensions.
        let v: JSONValue = .object([
            (key: "é", value: .integer(-3)), (key: "ab", value: .integer(0)), (key: "a", value: .integer(-9_007_199)),
            (key: "Z", value: .integer(12)), (key: "z", value: .number(-0.0, isInteger: true)),
        ])
        #expect(text(v) == #"{"Z":12,"a":-9007199,"ab":0,"z":0,"é":-3}"#)
    }
}
