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
    /// At shutdown, how long the listeners still complete the connections the kernel had begun (new ones are ignored
    /// from the start, refused once they close), and how long a connection must then be quiet before it is closed:
    /// a client that connected just before, or was just sending its next request, is answered rather than cut off.
    public var shutdownQuietPeriod: Duration = .milliseconds(200)
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
