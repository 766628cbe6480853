/// RFC 3339 timestamps for logs, computed from epoch seconds without Foundation.
enum Timestamp {
    static func rfc3339(seconds: Int, milliseconds: Int) -> String {
        let c = CivilTime(secondsSince1970: seconds)
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))T\(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2)).\(pad(milliseconds, 3))Z"
    }

    static func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}

/// A UTC calendar time from epoch seconds (Howard Hinnant's days-from-civil algorithm, inverted).
struct CivilTime: Equatable {
    var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int
    /// 0 = Sunday.
    var weekday: Int

    init(secondsSince1970 t: Int) {
        var days = t / 86_400
        var rem = t % 86_400
        if rem < 0 {
            rem += 86_400
            days -= 1
        }
        hour = rem / 3600
        minute = rem % 3600 / 60
        second = rem % 60
        weekday = ((days % 7) + 11) % 7 // 1970-01-01 was a Thursday (4)
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }
}
