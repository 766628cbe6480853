#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// HTTP dates (RFC 9110 §5.6.7) by plain calendar arithmetic — no Foundation, no DateFormatter, no locale.
public enum HTTPDate {
    private static let dayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let longDayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    private static let monthNames = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]

    /// IMF-fixdate (RFC 9110 §5.6.7): "Sun, 06 Nov 1994 08:49:37 GMT", from seconds since the Unix epoch.
    /// No Foundation, no DateFormatter: pure arithmetic (civil-from-days).
    public static func format(secondsSince1970: Int) -> String {
        let days = floorDivide(secondsSince1970, 86_400)
        let secondOfDay = secondsSince1970 - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        // 1970-01-01 was a Thursday (index 4, counting from Sunday).
        let weekday = ((days % 7) + 7 + 4) % 7

        var out: [UInt8] = []
        out.reserveCapacity(29)
        out.append(contentsOf: dayNames[weekday].utf8)
        out.append(contentsOf: ", ".utf8)
        appendDigits(day, width: 2, to: &out)
        out.append(UInt8(ascii: " "))
        out.append(contentsOf: monthNames[month - 1].utf8)
        out.append(UInt8(ascii: " "))
        if year < 0 {
            out.append(UInt8(ascii: "-"))  // outside IMF-fixdate's range; at least unambiguous
        }
        appendDigits(abs(year), width: 4, to: &out)
        out.append(UInt8(ascii: " "))
        appendDigits(secondOfDay / 3600, width: 2, to: &out)
        out.append(UInt8(ascii: ":"))
        appendDigits(secondOfDay / 60 % 60, width: 2, to: &out)
        out.append(UInt8(ascii: ":"))
        appendDigits(secondOfDay % 60, width: 2, to: &out)
        out.append(contentsOf: " GMT".utf8)
        return String(decoding: out, as: UTF8.self)
    }

    /// Parses all three formats a recipient must accept (RFC 9110 §5.6.7): IMF-fixdate, obsolete RFC 850
    /// ("Sunday, 06-Nov-94 08:49:37 GMT"), asctime ("Sun Nov  6 08:49:37 1994"). nil when invalid.
    public static func parse(_ s: String) -> Int? {
        parse(s, now: time(nil))
    }

    /// `now` (seconds since 1970) resolves RFC 850's two-digit years; injectable for tests.
    static func parse(_ s: String, now: Int) -> Int? {
        let bytes = Array(s.utf8)
        return parseIMFFixdate(bytes) ?? parseRFC850(bytes, now: now) ?? parseAsctime(bytes)
    }

    // MARK: - The three formats

    /// IMF-fixdate = day-name "," SP DD SP month SP YYYY SP hh:mm:ss SP "GMT" (exactly 29 bytes).
    private static func parseIMFFixdate(_ b: [UInt8]) -> Int? {
        guard b.count == 29,
            match(b, 0, dayNames) != nil,
            b[3] == UInt8(ascii: ","), b[4] == UInt8(ascii: " "),
            let day = number(b, 5, 2), b[7] == UInt8(ascii: " "),
            let month = match(b, 8, monthNames), b[11] == UInt8(ascii: " "),
            let year = number(b, 12, 4), b[16] == UInt8(ascii: " "),
            let seconds = timeOfDay(b, 17),
            literal(b, 25, " GMT")
        else { return nil }
        return timestamp(year: year, month: month + 1, day: day, secondOfDay: seconds)
    }

    /// rfc850-date = day-name-l "," SP DD "-" month "-" YY SP hh:mm:ss SP "GMT".
    private static func parseRFC850(_ b: [UInt8], now: Int) -> Int? {
        guard let dayName = match(b, 0, longDayNames) else { return nil }
        let i = longDayNames[dayName].utf8.count
        guard b.count == i + 24,
            b[i] == UInt8(ascii: ","), b[i + 1] == UInt8(ascii: " "),
            let day = number(b, i + 2, 2), b[i + 4] == UInt8(ascii: "-"),
            let month = match(b, i + 5, monthNames), b[i + 8] == UInt8(ascii: "-"),
            let twoDigitYear = number(b, i + 9, 2), b[i + 11] == UInt8(ascii: " "),
            let seconds = timeOfDay(b, i + 12),
            literal(b, i + 20, " GMT")
        else { return nil }
        // RFC 9110 §5.6.7: a two-digit year that appears more than 50 years in the future
        // is the most recent past year with those digits.
        let currentYear = civil(fromDays: floorDivide(now, 86_400)).year
        var year = currentYear - currentYear % 100 + twoDigitYear
        if year > currentYear + 50 { year -= 100 }
        return timestamp(year: year, month: month + 1, day: day, secondOfDay: seconds)
    }

    /// asctime-date = day-name SP month SP ( 2DIGIT / ( SP DIGIT ) ) SP hh:mm:ss SP YYYY (exactly 24 bytes).
    private static func parseAsctime(_ b: [UInt8]) -> Int? {
        guard b.count == 24,
            match(b, 0, dayNames) != nil, b[3] == UInt8(ascii: " "),
            let month = match(b, 4, monthNames), b[7] == UInt8(ascii: " ")
        else { return nil }
        let day: Int
        if b[8] == UInt8(ascii: " ") {
            guard let digit = number(b, 9, 1) else { return nil }
            day = digit
        } else {
            guard let digits = number(b, 8, 2) else { return nil }
            day = digits
        }
        guard b[10] == UInt8(ascii: " "),
            let seconds = timeOfDay(b, 11), b[19] == UInt8(ascii: " "),
            let year = number(b, 20, 4)
        else { return nil }
        return timestamp(year: year, month: month + 1, day: day, secondOfDay: seconds)
    }

    // MARK: - Pieces

    /// The day-name is checked for syntax but not against the date: it is redundant (RFC 9110 §5.6.7 derives it
    /// from the date), and other recipients (nginx, Go's net/http) ignore it too.
    private static func match(_ b: [UInt8], _ at: Int, _ names: [String]) -> Int? {
        names.firstIndex { literal(b, at, $0) }
    }

    /// Case-sensitive: RFC 9110 §5.6.7 says day-name, month and "GMT" are case-sensitive.
    private static func literal(_ b: [UInt8], _ at: Int, _ text: String) -> Bool {
        let utf8 = text.utf8
        guard at + utf8.count <= b.count else { return false }
        return zip(b[at...], utf8).allSatisfy { $0 == $1 }
    }

    private static func number(_ b: [UInt8], _ at: Int, _ width: Int) -> Int? {
        guard at + width <= b.count else { return nil }
        var value = 0
        for i in at..<(at + width) {
            guard ByteClass.isDigit(b[i]) else { return nil }
            value = value * 10 + Int(b[i] - 0x30)
        }
        return value
    }

    /// time-of-day = hour ":" minute ":" second, 00:00:00 – 23:59:60 (a leap second, RFC 9110 §5.6.7,
    /// counted as the next second since Unix time has no leap seconds).
    private static func timeOfDay(_ b: [UInt8], _ at: Int) -> Int? {
        guard let hour = number(b, at, 2), b[at + 2] == UInt8(ascii: ":"),
            let minute = number(b, at + 3, 2), b[at + 5] == UInt8(ascii: ":"),
            let second = number(b, at + 6, 2),
            hour < 24, minute < 60, second <= 60
        else { return nil }
        return hour * 3600 + minute * 60 + second
    }

    private static func timestamp(year: Int, month: Int, day: Int, secondOfDay: Int) -> Int? {
        guard day >= 1, day <= daysInMonth(year: year, month: month) else { return nil }
        return days(fromCivil: year, month, day) * 86_400 + secondOfDay
    }

    private static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2:
            // Gregorian leap years: divisible by 4, except centuries not divisible by 400.
            return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // MARK: - Calendar arithmetic (proleptic Gregorian; Howard Hinnant's days_from_civil / civil_from_days)

    /// Days since 1970-01-01 of a civil date.
    static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = floorDivide(y, 400)
        let yearOfEra = y - era * 400  // [0, 399]
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1  // [0, 365], from March 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear  // [0, 146096]
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The civil date of a day count since 1970-01-01.
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468  // days since 0000-03-01
        let era = floorDivide(z, 146_097)
        let dayOfEra = z - era * 146_097  // [0, 146096]
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153  // [0, 11], March = 0
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    private static func floorDivide(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    private static func appendDigits(_ value: Int, width: Int, to out: inout [UInt8]) {
        var digits: [UInt8] = []
        var v = value
        repeat {
            digits.append(UInt8(truncatingIfNeeded: v % 10) + 0x30)
            v /= 10
        } while v > 0
        if digits.count < width {
            out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width - digits.count))
        }
        out.append(contentsOf: digits.reversed())
    }
}
