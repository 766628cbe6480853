import Server

/// Strict parsers for option values: anything they do not fully understand is an error, never a default.
enum ValueParsers {
    static func integer(_ s: String, in range: ClosedRange<Int>) throws(Configuration.ConfigurationError) -> Int {
        guard !s.isEmpty, s.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let n = Int(s) else {
            throw .init(message: "expected a whole number")
        }
        guard range.contains(n) else {
            throw .init(message: "expected a number from \(range.lowerBound) to \(range.upperBound)")
        }
        return n
    }

    /// `10`, `10s`, `1.5s`, `500ms`, `2m`. A bare number is seconds.
    static func duration(_ s: String, allowZero: Bool = false) throws(Configuration.ConfigurationError) -> Duration {
        let units: [(suffix: String, nanoseconds: Double)] = [("ms", 1e6), ("s", 1e9), ("m", 60e9)]
        var number = Substring(s)
        var scale = 1e9
        for unit in units where s.hasSuffix(unit.suffix) {
            number = s.dropLast(unit.suffix.count)
            scale = unit.nanoseconds
            break
        }
        guard !number.isEmpty, number.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E }),
            let value = Double(number)
        else {
            throw .init(message: "expected a duration such as 10s, 500ms or 2m")
        }
        let nanoseconds = value * scale
        guard nanoseconds <= 86_400e9 else { throw .init(message: "expected at most one day") }
        guard allowZero || nanoseconds >= 1e6 else { throw .init(message: "expected at least 1ms") }
        return .nanoseconds(Int64(nanoseconds))
    }

    static func isNumericAddress(_ s: String) -> Bool {
        IPAddress(s) != nil
    }
}
