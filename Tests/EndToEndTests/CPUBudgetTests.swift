import Testing

@testable import kazakhstan_api

/// The default number of event loops: the affinity mask's CPUs and the cgroup CPU quota, the fewer, from fixture
/// files in place of `/proc` and `/sys`.
struct CPUBudgetTests {
    /// A container's view under cgroup v2 with its own cgroup namespace: the cgroup is `/`.
    static let containerCgroup = "0::/\n"

    func budget(affinity: Int?, processors: Int = 64, _ files: [String: String]) -> CPUBudget {
        CPUBudget.detect(affinity: affinity, processors: processors) { files[$0] }
    }

    @Test func noQuota_leavesTheAffinityMask() {
        let files = ["/proc/self/cgroup": Self.containerCgroup, "/sys/fs/cgroup/cpu.max": "max 100000\n"]
        #expect(budget(affinity: 8, files) == CPUBudget(cpus: 8, source: .affinity))
    }

    @Test func aQuotaOfOneCPU_onA64CPUMachine_givesOneLoop() {
        let files = ["/proc/self/cgroup": Self.containerCgroup, "/sys/fs/cgroup/cpu.max": "100000 100000\n"]
        #expect(budget(affinity: 64, files) == CPUBudget(cpus: 1, source: .cgroupQuota))
    }

    @Test(arguments: [
        ("150000 100000", 2), ("250000 100000", 3), ("50000 100000", 1), ("1000 100000", 1), ("200000 50000", 4),
    ])
    func aFractionalQuota_isRoundedUp_neverBelowOne(cpuMax: String, expected: Int) {
        let files = ["/proc/self/cgroup": Self.containerCgroup, "/sys/fs/cgroup/cpu.max": cpuMax + "\n"]
        #expect(budget(affinity: 64, files) == CPUBudget(cpus: expected, source: .cgroupQuota))
    }

    @Test func anAffinityMaskNarrowerThanTheQuota_wins() {
        let files = ["/proc/self/cgroup": Self.containerCgroup, "/sys/fs/cgroup/cpu.max": "400000 100000\n"]
        #expect(budget(affinity: 1, files) == CPUBudget(cpus: 1, source: .affinity))
    }

    /// Without a cgroup namespace (a systemd service with CPUQuota=), the quota is on the process's own cgroup, or
    /// on an ancestor's, which bounds every child: the tightest on the way to the root applies.
    @Test func theTightestQuotaOnTheCgroupOrAnAncestor_applies() {
        let files = [
            "/proc/self/cgroup": "0::/system.slice/api.service\n",
            "/sys/fs/cgroup/system.slice/api.service/cpu.max": "max 100000\n",
            "/sys/fs/cgroup/system.slice/cpu.max": "300000 100000\n",
            "/sys/fs/cgroup/cpu.max": "max 100000\n",
        ]
        #expect(budget(affinity: 16, files) == CPUBudget(cpus: 3, source: .cgroupQuota))
    }

    @Test func cgroupV1_quotaAndPeriod_areRead() {
        let files = [
            "/proc/self/cgroup": "4:memory:/docker/abc\n3:cpu,cpuacct:/docker/abc\n1:name=systemd:/docker/abc\n",
            "/sys/fs/cgroup/cpu,cpuacct/docker/abc/cpu.cfs_quota_us": "150000\n",
            "/sys/fs/cgroup/cpu,cpuacct/docker/abc/cpu.cfs_period_us": "100000\n",
        ]
        #expect(budget(affinity: 32, files) == CPUBudget(cpus: 2, source: .cgroupQuota))
    }

    /// Docker on cgroup v1 mounts the container's own cgroup at the hierarchy's root, while `/proc/self/cgroup` still
    /// names the host's path: the walk up finds the root's files.
    @Test func cgroupV1_insideAContainer_readsTheMountedRoot() {
        let files = [
            "/proc/self/cgroup": "3:cpu,cpuacct:/docker/abc\n",
            "/sys/fs/cgroup/cpu/cpu.cfs_quota_us": "50000\n",
            "/sys/fs/cgroup/cpu/cpu.cfs_period_us": "100000\n",
        ]
        #expect(budget(affinity: 32, files) == CPUBudget(cpus: 1, source: .cgroupQuota))
    }

    @Test func cgroupV1_unlimited_isMinusOne() {
        let files = [
            "/proc/self/cgroup": "3:cpu,cpuacct:/\n",
            "/sys/fs/cgroup/cpu,cpuacct/cpu.cfs_quota_us": "-1\n",
            "/sys/fs/cgroup/cpu,cpuacct/cpu.cfs_period_us": "100000\n",
        ]
        #expect(budget(affinity: 4, files) == CPUBudget(cpus: 4, source: .affinity))
    }

    @Test func missingFiles_leaveTheAffinityMask_andWithoutIt_theProcessorCount() {
        #expect(budget(affinity: 6, [:]) == CPUBudget(cpus: 6, source: .affinity))
        #expect(budget(affinity: nil, processors: 12, [:]) == CPUBudget(cpus: 12, source: .processors))
        // No /proc/self/cgroup, but the usual container file: still read (the cgroup is taken to be the root).
        #expect(
            budget(affinity: nil, ["/sys/fs/cgroup/cpu.max": "200000 100000"])
                == CPUBudget(cpus: 2, source: .cgroupQuota))
    }

    @Test(arguments: ["", "max", "garbage 100000", "100000 0", "-5 100000", "1 2 3"])
    func unreadableCPUMax_setsNoLimit(text: String) {
        #expect(CPUBudget.cpusFromCPUMax(text) == nil)
    }

    @Test func ancestors_runFromTheCgroupToTheRoot() {
        #expect(CPUBudget.ancestors("/a/b") == ["/a/b/", "/a/", "/"])
        #expect(CPUBudget.ancestors("/") == ["/"])
    }
}
