import Testing

@testable import Server

struct DateFormatCase: Sendable, CustomTestStringConvertible {
    var seconds: Int
    var text: String
    var testDescription: String { "\(seconds) ↔ \(text)" }
    init(_ seconds: Int, _ text: String) {
        self.seconds = seconds
        self.text = text
    }
}

struct DateParseCase: Sendable, CustomTestStringConvertible {
    var text: String
    var expected: Int?
    var testDescription: String { "\"\(text)\" → \(expected.map(String.init) ?? "nil")" }
    init(_ text: String, _ expected: Int?) {
        self.text = text
        self.expected = expected
    }
}

/// Checked against an independent implementation (Python's calendar.timegm / strftime).
private let formatRows: [DateFormatCase] = [
    .init(0, "Thu, 01 Jan 1970 00:00:00 GMT"),
    .init(-1, "Wed, 31 Dec 1969 23:59:59 GMT"),
    .init(784_111_777, "Sun, 06 Nov 1994 08:49:37 GMT"),
    .init(951_782_400, "Tue, 29 Feb 2000 00:00:00 GMT"),
    .init(951_868_799, "Tue, 29 Feb 2000 23:59:59 GMT"),
    .init(1_709_208_000, "Thu, 29 Feb 2024 12:00:00 GMT"),
    .init(2_147_483_647, "Tue, 19 Jan 2038 03:14:07 GMT"),
    .init(2_147_483_648, "Tue, 19 Jan 2038 03:14:08 GMT"),
    .init(4_107_542_399, "Sun, 28 Feb 2100 23:59:59 GMT"),
    .init(4_107_542_400, "Mon, 01 Mar 2100 00:00:00 GMT"),
    .init(13_574_563_200, "Tue, 29 Feb 2400 00:00:00 GMT"),
    .init(253_402_300_799, "Fri, 31 Dec 9999 23:59:59 GMT"),
    .init(-2_203_891_200, "Thu, 01 Mar 1900 00:00:00 GMT"),
]

/// A fixed "now" (2025-06-01T00:00:00Z) so RFC 850 two-digit years resolve deterministically.
private let now = 1_748_736_000

private let parseRows: [DateParseCase] = [
    // The three formats of RFC 9110 §5.6.7, for the same instant.
    .init("Sun, 06 Nov 1994 08:49:37 GMT", 784_111_777),
    .init("Sunday, 06-Nov-94 08:49:37 GMT", 784_111_777),
    .init("Sun Nov  6 08:49:37 1994", 784_111_777),
    .init("Sun Nov 06 08:49:37 1994", 784_111_777),
    .init("Thu, 01 Jan 1970 00:00:00 GMT", 0),
    .init("Tue, 29 Feb 2000 00:00:00 GMT", 951_782_400),
    .init("Tue, 19 Jan 2038 03:14:08 GMT", 2_147_483_648),
    .init("Wednesday, 09-Jun-21 10:18:14 GMT", 1_623_233_894),
    .init("Wed Feb 29 00:00:00 2040", 2_214_086_400),
    // RFC 850 years: more than 50 years ahead of 2025 means the previous century.
    .init("Tuesday, 01-Jan-75 00:00:00 GMT", 3_313_526_400),  // 2075: exactly 50 years ahead
    .init("Thursday, 01-Jan-76 00:00:00 GMT", 189_302_400),  // 1976
    .init("Wednesday, 01-Jan-70 00:00:00 GMT", 3_155_760_000),  // 2070, less than 50 years ahead
    // A leap second counts as the next second.
    .init("Sat, 31 Dec 2016 23:59:60 GMT", 1_483_228_800),
    // The day-name is checked for syntax only.
    .init("Mon, 06 Nov 1994 08:49:37 GMT", 784_111_777),
    // Invalid.
    .init("", nil),
    .init("Sun, 06 Nov 1994 08:49:37 UTC", nil),
    .init("Sun, 06 Nov 1994 08:49:37 gmt", nil),
    .init("sun, 06 Nov 1994 08:49:37 GMT", nil),
    .init("Sun, 06 nov 1994 08:49:37 GMT", nil),
    .init("Sun, 6 Nov 1994 08:49:37 GMT", nil),
    .init("Sun, 06 Nov 94 08:49:37 GMT", nil),
    .init("Sun,  06 Nov 1994 08:49:37 GMT", nil),
    .init("Sun, 06 Nov 1994 08:49:37 GMT ", nil),
    .init(" Sun, 06 Nov 1994 08:49:37 GMT", nil),
    .init("Sun, 06 Nov 1994 08:49 GMT", nil),
    .init("Sun, 06 Nov 1994 24:00:00 GMT", nil),
    .init("Sun, 06 Nov 1994 08:60:00 GMT", nil),
    .init("Sun, 06 Nov 1994 08:49:61 GMT", nil),
    .init("Sun, 00 Nov 1994 08:49:37 GMT", nil),
    .init("Sun, 31 Nov 1994 08:49:37 GMT", nil),
    .init("Sun, 30 Feb 2000 08:49:37 GMT", nil),
    .init("Sun, 29 Feb 2001 08:49:37 GMT", nil),
    .init("Sun, 29 Feb 2100 08:49:37 GMT", nil),
    .init("Sun, 06 Foo 1994 08:49:37 GMT", nil),
    .init("Xyz, 06 Nov 1994 08:49:37 GMT", nil),
    .init("Sun, 06 Nov 1994 08:49:37 GMT+1", nil),
    .init("Sunday, 06-Nov-1994 08:49:37 GMT", nil),
    .init("Sun, 06-Nov-94 08:49:37 GMT", nil),
    .init("Sunday, 06 Nov 94 08:49:37 GMT", nil),
    .init("Sun Nov 6 08:49:37 1994", nil),
    .init("Sun Nov  6 08:49:37 94", nil),
    .init("Sun Nov  6 08:49:37 1994 GMT", nil),
    .init("1994-11-06T08:49:37Z", nil),
    .init("784111777", nil),
]

@Suite struct HTTPDateTests {
    @Test(arguments: formatRows)
    func format_writesIMFFixdate(_ row: DateFormatCase) {
        #expect(HTTPDate.format(secondsSince1970: row.seconds) == row.text)
    }

    @Test(arguments: formatRows)
    func parse_readsWhatFormatWrote(_ row: DateFormatCase) {
        #expect(HTTPDate.parse(row.text) == row.seconds)
    }

    @Test(arguments: parseRows)
    func parse_acceptsTheThreeFormats_andRejectsAnythingElse(_ row: DateParseCase) {
        #expect(HTTPDate.parse(row.text, now: now) == row.expected)
    }

    @Test func formatThenParse_roundTrips_acrossFourHundredYears() {
        // A 400-year Gregorian cycle from 1900, in steps that hit every time of day and month eventually.
        let start = -2_208_988_800  // 1900-01-01
        let end = start + 146_097 * 86_400
        for t in stride(from: start, to: end, by: 86_400 * 37 + 3_607) {
            let text = HTTPDate.format(secondsSince1970: t)
            #expect(text.utf8.count == 29)
            #expect(HTTPDate.parse(text) == t, "\(t) → \(text)")
        }
    }

    @Test func civilDates_andDayCounts_areInverse_forEveryDayOfTwoCenturies() {
        var expected = (year: 1900, month: 1, day: 1)
        for days in HTTPDate.days(fromCivil: 1900, 1, 1)..<HTTPDate.days(fromCivil: 2101, 1, 1) {
            let civil = HTTPDate.civil(fromDays: days)
            #expect(civil == expected)
            #expect(HTTPDate.days(fromCivil: civil.year, civil.month, civil.day) == days)
            // Advance `expected` by one day with a naive calendar, independent of the arithmetic under test.
            let leap = (expected.year % 4 == 0 && expected.year % 100 != 0) || expected.year % 400 == 0
            let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
            expected.day += 1
            if expected.day > lengths[expected.month - 1] {
                expected.day = 1
                expected.month += 1
                if expected.month > 12 {
                    expected.month = 1
                    expected.year += 1
                }
            }
        }
        #expect(expected == (year: 2101, month: 1, day: 1))
    }

    @Test func parse_withoutAnInjectedClock_readsRFC850YearsNearToday() {
        // Whatever today is (this code will not run before 2025 or after 2070), "95" is 1995.
        #expect(HTTPDate.parse("Monday, 06-Nov-95 08:49:37 GMT") == 815_647_777)
    }
}
