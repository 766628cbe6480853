/// Everything the engine can be told. Defaults are production defaults; the executable maps flags and environment onto this.
public struct ServerConfiguration: Sendable {
    public enum AccessLogFormat: String, Sendable, CaseIterable {
        case off, json, text
    }

    public var host: String = "0.0.0.0"
    /// 0 asks the kernel for a free port; `Server.port` tells which one after `start()`.
    public var port: Int = 8080
    /// When set, listen on this Unix socket instead of TCP (nginx and the server on one host). The file is created
    /// with `unixSocketMode` and removed on shutdown.
    public var unixSocketPath: String?
    public var unixSocketMode: UInt32 = 0o660
    /// Event loop threads; each owns a listener (SO_REUSEPORT) and its connections.
    public var threads: Int = 1
    /// 0 means no cap beyond the descriptor limit.
    public var maxConnections: Int = 0
    public var limits = ParserLimits()
    public var maxBodySize: Int = 1 << 20
    public var timeouts = ConnectionTimeouts()
    public var shutdownGrace: Duration = .seconds(10)
    public var accessLog: AccessLogFormat = .json
    public var serverName: String = "kazakhstan-api"
    /// Above this many queued output bytes a connection stops reading and parsing pipelined requests until it drains.
    public var writeHighWatermark: Int = 64 * 1024
    public var listenBacklog: Int32 = 1024
    /// Peers whose `Forwarded` / `X-Forwarded-*` fields are believed. None by default: from anyone else they are
    /// ignored, since a client can write whatever it likes there.
    public var trustedProxies: [CIDR] = []
    /// Whether peers on the Unix socket are trusted proxies (`--trusted-proxies unix`): only local processes can
    /// connect there, but trust is still never implied.
    public var trustUnixSocketPeers = false

    public init() {}
}

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
