import Glibc

/// `RLIMIT_NOFILE`: how many descriptors the process may hold, one per connection. The soft limit is often a default
/// of 1024 that nobody chose, under a hard limit an operator did choose; a server raises the soft one to the hard one
/// at start-up (as Go's runtime and systemd's documentation advise) instead of backing off accepts at 1024.
public enum OpenFileLimit {
    public struct Limits: Sendable, Equatable {
        public var soft: Int
        public var hard: Int
    }

    public static func current() -> Limits? {
        var limit = rlimit()
        guard getrlimit(resource, &limit) == 0 else { return nil }
        return Limits(soft: Int(clamping: limit.rlim_cur), hard: Int(clamping: limit.rlim_max))
    }

    /// Raises the soft limit to the hard one. Returns the limits before and after (after equals before when the
    /// kernel refused, e.g. a hard limit above `fs.nr_open`).
    public static func raiseSoftToHard() -> (before: Limits, after: Limits)? {
        var limit = rlimit()
        guard getrlimit(resource, &limit) == 0 else { return nil }
        let before = Limits(soft: Int(clamping: limit.rlim_cur), hard: Int(clamping: limit.rlim_max))
        if limit.rlim_cur < limit.rlim_max {
            var raised = limit
            raised.rlim_cur = limit.rlim_max
            _ = setrlimit(resource, &raised)
        }
        return current().map { (before, $0) }
    }

    private static let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
}
