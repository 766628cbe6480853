import Glibc

/// Wall-clock seconds since 1970, for the Date header and the access log.
public enum WallClock {
    public static func secondsSince1970() -> Int { now().seconds }

    static func now() -> (seconds: Int, nanoseconds: Int) {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return (Int(ts.tv_sec), Int(ts.tv_nsec))
    }
}
