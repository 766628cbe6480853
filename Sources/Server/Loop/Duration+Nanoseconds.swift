/// Durations as the whole nanoseconds and milliseconds that deadlines and epoll timeouts use.
extension Duration {
    /// Clamped to half the Int64 range, so adding one to an `Instant` never overflows.
    var nanosecondsClamped: Int64 {
        let (s, atto) = components
        let (ns, overflow) = s.multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? (s < 0 ? .min / 2 : .max / 2) : ns + atto / 1_000_000_000
    }

    var milliseconds: Int64 { nanosecondsClamped / 1_000_000 }
}
