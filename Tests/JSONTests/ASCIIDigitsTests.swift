import Testing

@testable import JSON

struct ASCIIDigitsTests {
    @Test(arguments: [(0, "0"), (7, "7"), (10, "10"), (1_048_576, "1048576"), (Int(Int32.max), "2147483647")])
    func decimal_isWrittenWithoutLeadingZeros(value: Int, text: String) {
        var out: [UInt8] = []
        ASCIIDigits.appendDecimal(value, to: &out)
        #expect(String(decoding: out, as: UTF8.self) == text)
    }

    @Test(arguments: [(UInt8(0x00), "00", "00"), (0x0F, "0f", "0F"), (0xA5, "a5", "A5"), (0xFF, "ff", "FF")])
    func aByte_isTwoHexDigitsInTheAskedCase(byte: UInt8, lower: String, upper: String) {
        var out: [UInt8] = []
        ASCIIDigits.appendHex(byte: byte, to: &out)
        #expect(String(decoding: out, as: UTF8.self) == lower)
        out = []
        ASCIIDigits.appendHex(byte: byte, uppercase: true, to: &out)
        #expect(String(decoding: out, as: UTF8.self) == upper)
    }

    @Test(arguments: [
        (UInt64(0), "0000000000000000"), (0x1, "0000000000000001"), (0xDEAD_BEEF, "00000000deadbeef"),
        (UInt64.max, "ffffffffffffffff"), (0x0123_4567_89AB_CDEF, "0123456789abcdef"),
    ])
    func aUInt64_isSixteenLowercaseDigitsMostSignificantFirst(value: UInt64, text: String) {
        var out: [UInt8] = []
        ASCIIDigits.appendHex(value, to: &out)
        #expect(String(decoding: out, as: UTF8.self) == text)
    }
}
