import Server

/// Where the number of event loops came from, as the startup line reports it (`threads_from`).
enum ThreadCountSource: String, Sendable {
    /// `--threads` or `THREADS`.
    case option
    /// The CPU affinity mask: `taskset`, `docker run --cpuset-cpus`, a cpuset cgroup.
    case affinity
    /// The cgroup CPU quota: `cpu.max` (v2) or `cpu.cfs_quota_us` (v1), what a Kubernetes CPU limit or
    /// `docker run --cpus` becomes.
    case cgroupQuota = "cgroup_quota"
    /// Neither could be read: the processor count the runtime reports.
    case processors
}

/// How many CPUs this process may use, the default number of event loops. The machine's core count ignores both
/// limits a container or an operator sets, so a pod limited to 1 CPU on a 64-core node would start 64 loops that the
/// quota then throttles in turn. The budget is the fewer of the affinity mask's CPUs and the quota rounded up
/// (1.5 CPUs → 2 loops; never fewer than 1).
struct CPUBudget: Equatable, Sendable {
    var cpus: Int
    var source: ThreadCountSource

    /// This process's budget, from the kernel.
    static func detect(processors: Int) -> CPUBudget {
        detect(affinity: CPUAffinity.allowedCPUCount(), processors: processors) { SystemFile.read($0) }
    }

    /// `readFile` returns a file's text or nil when it is absent: tests hand in fixture text.
    static func detect(affinity: Int?, processors: Int, readFile: (String) -> String?) -> CPUBudget {
        let quota = cgroupQuota(readFile: readFile)
        switch (affinity, quota) {
        case (let a?, let q?) where q < a: return CPUBudget(cpus: q, source: .cgroupQuota)
        case (let a?, _): return CPUBudget(cpus: a, source: .affinity)
        case (nil, let q?): return CPUBudget(cpus: q, source: .cgroupQuota)
        case (nil, nil): return CPUBudget(cpus: max(1, processors), source: .processors)
        }
    }

    /// The tightest CPU quota on this process's cgroup or any of its ancestors (a limit on a parent applies to every
    /// child), in whole CPUs rounded up; nil when none is set. The cgroup paths come from `/proc/self/cgroup`; inside
    /// a container's cgroup namespace they are `/`, so the container's own files are read.
    static func cgroupQuota(readFile: (String) -> String?) -> Int? {
        let memberships = readFile("/proc/self/cgroup").map(parseMemberships) ?? [:]
        var limits: [Int] = []
        // cgroup v2: one unified hierarchy, the line `0::/path`.
        for directory in ancestors(memberships["", default: "/"]) {
            if let text = readFile("/sys/fs/cgroup\(directory)cpu.max"), let cpus = cpusFromCPUMax(text) {
                limits.append(cpus)
            }
        }
        // cgroup v1: the `cpu` controller's hierarchy, mounted alone or together with `cpuacct`.
        for root in ["/sys/fs/cgroup/cpu", "/sys/fs/cgroup/cpu,cpuacct"] {
            for directory in ancestors(memberships["cpu", default: "/"]) {
                if let quota = readFile("\(root)\(directory)cpu.cfs_quota_us"),
                    let period = readFile("\(root)\(directory)cpu.cfs_period_us"),
                    let cpus = cpus(quota: quota, period: period)
                {
                    limits.append(cpus)
                }
            }
        }
        return limits.min()
    }

    /// `cpu.max` is `QUOTA PERIOD` in microseconds, or `max PERIOD` for no limit.
    static func cpusFromCPUMax(_ text: String) -> Int? {
        let fields = text.split(whereSeparator: { $0 == " " || $0 == "\n" })
        guard fields.count == 2 else { return nil }
        return cpus(quota: String(fields[0]), period: String(fields[1]))
    }

    /// v1 writes no limit as a quota of -1, v2 as `max`: both (and anything unreadable) give nil.
    static func cpus(quota: String, period: String) -> Int? {
        guard let q = Int(quota.filter { $0 != "\n" }), let p = Int(period.filter { $0 != "\n" }), q > 0, p > 0
        else { return nil }
        return max(1, (q + p - 1) / p)
    }

    /// `/proc/self/cgroup` lines are `ID:CONTROLLERS:PATH`: the path of each controller, keyed by controller name
    /// (`cpu`), and of the v2 hierarchy under the empty name.
    static func parseMemberships(_ text: String) -> [String: String] {
        var paths: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3, parts[2].hasPrefix("/") else { continue }
            if parts[0] == "0" && parts[1].isEmpty { paths[""] = String(parts[2]) }
            for controller in parts[1].split(separator: ",") { paths[String(controller)] = String(parts[2]) }
        }
        return paths
    }

    /// `/a/b` → `/a/b/`, `/a/`, `/`: each directory from the cgroup up to the hierarchy's root, with a trailing slash.
    static func ancestors(_ path: String) -> [String] {
        var components = path.split(separator: "/").map(String.init)
        var directories: [String] = []
        while true {
            directories.append("/" + components.map { $0 + "/" }.joined())
            if components.isEmpty { return directories }
            components.removeLast()
        }
    }
}
