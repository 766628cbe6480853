/// The per-connection timeouts, all on by default.
public struct ConnectionTimeouts: Sendable, Equatable {
    /// From the first byte of a request until its head is complete (and, for a body, between reads of it): slowloris defence.
    public var header: Duration = .seconds(10)
    /// Keep-alive idle time. 75 s is longer than the upstream keep-alive of common proxies (nginx `keepalive_timeout`
    /// 60 s, AWS ALB 60 s), so the proxy closes an idle upstream connection first and never sends a request into a
    /// connection we are closing at the same moment.
    public var idle: Duration = .seconds(75)
    /// How long queued output may make no progress before the peer is considered gone.
    public var write: Duration = .seconds(30)

    public init(header: Duration = .seconds(10), idle: Duration = .seconds(75), write: Duration = .seconds(30)) {
        self.header = header
        self.idle = idle
        self.write = write
    }
}
