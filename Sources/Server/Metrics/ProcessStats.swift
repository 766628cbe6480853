import Glibc

/// The process figures every Prometheus client library exports (`process_*`), so standard dashboards and alerts work
/// on this server too: CPU time, memory, descriptors and start time, read from `/proc/self` when `/metrics` is scraped,
/// never on the request path.
public struct ProcessStats: Sendable, Equatable {
    /// User plus system CPU time since start.
    public var cpuSeconds: Double
    public var residentMemoryBytes: Int
    public var virtualMemoryBytes: Int
    /// Seconds since the Unix epoch.
    public var startTimeSeconds: Double
    public var openFileDescriptors: Int
    /// The soft `RLIMIT_NOFILE`: where accepts start backing off.
    public var maxFileDescriptors: Int

    /// This process now; nil where `/proc` is not mounted.
    public static func current() -> ProcessStats? {
        guard let stat = SystemFile.read("/proc/self/stat"), let bootTime = bootTime,
            let openFileDescriptors = SystemFile.entryCount(ofDirectory: "/proc/self/fd"),
            let limits = OpenFileLimit.current()
        else { return nil }
        return ProcessStats(
            stat: stat, bootTime: bootTime, clockTicksPerSecond: sysconf(Int32(_SC_CLK_TCK)),
            pageSize: sysconf(Int32(_SC_PAGESIZE)), openFileDescriptors: openFileDescriptors,
            maxFileDescriptors: limits.soft)
    }

    /// The machine's boot time (`btime` in `/proc/stat`, seconds since the epoch): read once, it never changes. The
    /// file has a line per CPU and per interrupt, hence the generous bound.
    static let bootTime: Double? = SystemFile.read("/proc/stat", limit: 16 << 20).flatMap(bootTime(procStat:))

    static func bootTime(procStat: String) -> Double? {
        for line in procStat.split(separator: "\n") where line.hasPrefix("btime ") {
            return Double(line.dropFirst("btime ".count).filter { $0 != " " })
        }
        return nil
    }

    /// From the text of `/proc/[pid]/stat` (proc(5)). The command name, field 2, is in parentheses and may itself hold
    /// spaces or parentheses, so fields are counted after its last `)`.
    init?(
        stat: String, bootTime: Double, clockTicksPerSecond: Int, pageSize: Int, openFileDescriptors: Int,
        maxFileDescriptors: Int
    ) {
        guard let close = stat.lastIndex(of: ")"), clockTicksPerSecond > 0 else { return nil }
        // After the name: field 3 (state) is index 0, so field n is index n - 3.
        let fields = stat[stat.index(after: close)...].split(separator: " ", omittingEmptySubsequences: true)
        func field(_ n: Int) -> Int? { fields.count > n - 3 ? Int(fields[n - 3]) : nil }
        guard let utime = field(14), let stime = field(15), let startTicks = field(22), let vsize = field(23),
            let rssPages = field(24)
        else { return nil }
        let ticks = Double(clockTicksPerSecond)
        cpuSeconds = Double(utime + stime) / ticks
        residentMemoryBytes = rssPages * pageSize
        virtualMemoryBytes = vsize
        startTimeSeconds = bootTime + Double(startTicks) / ticks
        self.openFileDescriptors = openFileDescriptors
        self.maxFileDescriptors = maxFileDescriptors
    }
}
