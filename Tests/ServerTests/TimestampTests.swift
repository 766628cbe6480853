import Testing

@testable import Server

struct TimestampTests {
    @Test(arguments: [
        (0, 0, "1970-01-01T00:00:00.000Z"),
        (951_782_400, 5, "2000-02-29T00:00:00.005Z"),
        (1_795_930_007, 123, "2026-11-29T05:26:47.123Z"),
        (4_102_444_799, 999, "2099-12-31T23:59:59.999Z"),
        (-1, 0, "1969-12-31T23:59:59.000Z"),
    ])
    func rfc3339_isUTCWithMilliseconds(seconds: Int, milliseconds: Int, expected: String) {
        #expect(Timestamp.rfc3339(seconds: seconds, milliseconds: milliseconds) == expected)
    }
}
