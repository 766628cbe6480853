import Testing

@testable import Server

/// The masks in ByteClass are hand-computed constants; these tests check every byte against the grammar's own words.
@Suite struct ByteClassTests {
    private static let alpha = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    private static let digit = "0123456789"
    private static let unreserved = alpha + digit + "-._~"
    private static let subDelims = "!$&'()*+,;="

    private static func set(_ chars: String) -> Set<UInt8> { Set(chars.utf8) }

    @Test func tokenChars_areExactlyRFC9110Tchar() {
        let tchar = Self.set(Self.alpha + Self.digit + "!#$%&'*+-.^_`|~")
        for b in UInt8.min...UInt8.max {
            #expect(ByteClass.isTokenChar(b) == tchar.contains(b), "byte \(b)")
        }
    }

    @Test func targetChars_areUnreservedSubDelimsAndColonAtSlashQuestionPercent() {
        let target = Self.set(Self.unreserved + Self.subDelims + ":@/?%")
        for b in UInt8.min...UInt8.max {
            #expect(ByteClass.isTargetChar(b) == target.contains(b), "byte \(b)")
            #expect(
                ByteClass.isPlainTargetChar(b)
                    == (target.contains(b) && b != UInt8(ascii: "%") && b != UInt8(ascii: "?")),
                "byte \(b)")
        }
    }

    @Test func browserRawTargetChars_areExactlyWhatWHATWGURLLeavesRawButRFC3986Refuses() {
        let raw = Self.set("[]{}|\\^`")
        for b in UInt8.min...UInt8.max {
            #expect(ByteClass.isBrowserRawTargetChar(b) == raw.contains(b), "byte \(b)")
            // Disjoint from the target bytes: only what the parser refused before is redirected.
            #expect(!(ByteClass.isBrowserRawTargetChar(b) && ByteClass.isTargetChar(b)), "byte \(b)")
        }
    }

    @Test func hostChars_areUnreservedSubDelimsColonPercentAndBrackets() {
        let host = Self.set(Self.unreserved + Self.subDelims + ":%[]")
        for b in UInt8.min...UInt8.max {
            #expect(ByteClass.isHostChar(b) == host.contains(b), "byte \(b)")
        }
    }

    @Test func fieldVChars_areVCHARAndObsText() {
        for b in UInt8.min...UInt8.max {
            #expect(ByteClass.isFieldVChar(b) == ((0x21...0x7E).contains(b) || b >= 0x80), "byte \(b)")
        }
    }

    @Test func wordTest_agreesWithTheByteTest_forEveryByteAtEveryPosition() {
        let filler = UInt64(0x6161_6161_6161_6161)  // "aaaaaaaa"
        #expect(ByteClass.areFieldVChars(filler))
        for b in UInt8.min...UInt8.max {
            for position in 0..<8 {
                let shift = UInt64(position * 8)
                let word = (filler & ~(0xFF << shift)) | (UInt64(b) << shift)
                #expect(ByteClass.areFieldVChars(word) == ByteClass.isFieldVChar(b), "byte \(b) at \(position)")
            }
        }
        // Mixed obs-text and a control byte next to it (borrow propagation).
        #expect(!ByteClass.areFieldVChars(0x8000_6161_6161_6161))
        #expect(ByteClass.areFieldVChars(0xFF80_FFA1_2121_7E7E))
        #expect(!ByteClass.areFieldVChars(0x2161_6161_6161_6100))
    }

    @Test func hexValue_readsBothCases_andNothingElse() {
        for b in UInt8.min...UInt8.max {
            let expected: UInt8? =
                switch b {
                case 0x30...0x39: b - 0x30
                case 0x41...0x46: b - 0x41 + 10
                case 0x61...0x66: b - 0x61 + 10
                default: nil
                }
            #expect(ByteClass.hexValue(b) == expected, "byte \(b)")
        }
    }
}
