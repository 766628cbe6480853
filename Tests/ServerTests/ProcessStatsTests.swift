import Glibc
import Testing

@testable import Server

/// The `process_*` figures: parsed from `/proc/self/stat` text, and read live from this test process.
struct ProcessStatsTests {
    /// A real line's shape (proc(5)), with a command name holding a space and a parenthesis, which a split on spaces
    /// from the start would miscount.
    static let stat =
        "4242 (kazakhstan) api) S 1 4242 4242 0 -1 4194560 1200 0 0 0 250 75 0 0 20 0 3 0 123456 "
        + "429496729 6250 18446744073709551615 1 1 0 0 0 0 0 4096 0 0 0 17 1 0 0 0 0 0 0 0 0 0 0 0 0 0\n"

    @Test func statText_givesCPUMemoryAndStartTime() throws {
        let stats = try #require(
            ProcessStats(
                stat: Self.stat, bootTime: 1_700_000_000, clockTicksPerSecond: 100, pageSize: 4096,
                openFileDescriptors: 12, maxFileDescriptors: 1024))
        #expect(stats.cpuSeconds == 3.25)  // (250 + 75) ticks at 100 per second
        #expect(stats.residentMemoryBytes == 6250 * 4096)
        #expect(stats.virtualMemoryBytes == 429_496_729)
        #expect(stats.startTimeSeconds == 1_700_000_000 + 1234.56)
        #expect(stats.openFileDescriptors == 12)
        #expect(stats.maxFileDescriptors == 1024)
    }

    @Test(arguments: [
        "", "4242 (truncated", "4242 (x) S 1 2 3", "4242 (x) S a b c d e f g h i j k l m n o p q r s t u",
    ])
    func malformedStat_givesNothing(text: String) {
        let stats = ProcessStats(
            stat: text, bootTime: 0, clockTicksPerSecond: 100, pageSize: 4096, openFileDescriptors: 0,
            maxFileDescriptors: 0)
        #expect(stats == nil)
    }

    @Test func bootTime_isTheBtimeLine() {
        #expect(
            ProcessStats.bootTime(procStat: "cpu  1 2 3\nintr 5 6\nctxt 7\nbtime 1796134074\nprocesses 9\n")
                == 1_796_134_074)
        #expect(ProcessStats.bootTime(procStat: "cpu  1 2 3\n") == nil)
    }

    @Test func thisProcess_isReadLive() throws {
        let stats = try #require(ProcessStats.current())
        var limit = rlimit()
        getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit)
        #expect(stats.maxFileDescriptors == Int(clamping: limit.rlim_cur))
        #expect(stats.openFileDescriptors >= 3)  // stdin, stdout, stderr at least
        #expect(stats.residentMemoryBytes > 0 && stats.virtualMemoryBytes >= stats.residentMemoryBytes)
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        #expect(stats.startTimeSeconds <= Double(now.tv_sec) + 1)
        #expect(stats.startTimeSeconds > Double(now.tv_sec) - 24 * 3600)
    }

    /// A directory's entries, `.` and `..` aside (how `/proc/self/fd` is counted).
    @Test func entryCount_countsADirectorysEntries() throws {
        var template = Array("/tmp/process-stats-XXXXXX".utf8CString)
        let directory = String(cString: try #require(mkdtemp(&template)))
        defer { rmdir(directory) }
        #expect(SystemFile.entryCount(ofDirectory: directory) == 0)
        for name in ["a", "b", "c"] { close(open("\(directory)/\(name)", O_CREAT | O_WRONLY, 0o600)) }
        defer { for name in ["a", "b", "c"] { unlink("\(directory)/\(name)") } }
        #expect(SystemFile.entryCount(ofDirectory: directory) == 3)
        #expect(SystemFile.entryCount(ofDirectory: directory + "/missing") == nil)
    }
}
