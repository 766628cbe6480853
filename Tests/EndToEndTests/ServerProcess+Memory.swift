import Foundation

extension ServerProcess {
    /// The server's resident memory in KiB, from /proc; 0 when it cannot be read.
    var residentKiB: Int {
        guard
            let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") })
        else { return 0 }
        return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
    }

    /// Resident memory once it has stopped moving (start-up encodes the sub-collections on a background thread
    /// after the listener opens): two readings 300 ms apart within 256 KiB, or whatever it is after 10 s.
    func steadyResidentKiB() -> Int {
        var last = residentKiB
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            usleep(300_000)
            let now = residentKiB
            if abs(now - last) < 256 { return now }
            last = now
        }
        return last
    }

    /// Whether the tests run under AddressSanitizer (with ASAN_OPTIONS set, as CI does): freed memory then sits in
    /// its quarantine (up to 256 MB) by design, so only gross RSS growth is meaningful.
    static var underAddressSanitizer: Bool { ProcessInfo.processInfo.environment["ASAN_OPTIONS"] != nil }
}
