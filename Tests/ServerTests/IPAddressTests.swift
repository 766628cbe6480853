import Testing

@testable import Server

struct IPAddressTests {
    @Test(arguments: ["127.0.0.1", "0.0.0.0", "::", "::1", "[::1]", "2001:db8::1", "::ffff:10.1.2.3"])
    func numericAddresses_parse(text: String) {
        #expect(IPAddress(text) != nil)
    }

    @Test(arguments: [
        "", "localhost", "example.com", "1.2.3", "256.1.1.1", "[127.0.0.1", "::1]", " 127.0.0.1", "1.2.3.4/8",
    ])
    func anythingElse_isNotAnAddress(text: String) {
        #expect(IPAddress(text) == nil)
    }

    @Test func ipv4_andItsMappedIPv6Form_haveTheSameBytes() {
        #expect(IPAddress("10.1.2.3")?.mappedBytes == IPAddress("::ffff:10.1.2.3")?.mappedBytes)
        #expect(IPAddress("10.1.2.3")?.mappedBytes == [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 10, 1, 2, 3])
    }

    @Test func bracketedIPv6_isTheSameAddressAsBare() {
        #expect(IPAddress("[2001:db8::1]")?.mappedBytes == IPAddress("2001:db8::1")?.mappedBytes)
    }
}
