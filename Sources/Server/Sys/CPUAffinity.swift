import CSystem

/// The CPUs this process may run on (`sched_getaffinity`): what `taskset`, `docker run --cpuset-cpus` or a cpuset
/// cgroup leave it, which can be far fewer than the machine has.
public enum CPUAffinity {
    /// How many CPUs the affinity mask holds, or nil when the kernel does not say.
    public static func allowedCPUCount() -> Int? {
        let count = csystem_affinity_cpu_count()
        return count > 0 ? Int(count) : nil
    }
}
