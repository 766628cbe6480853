import Glibc

/// The HTTP/1.1 server: N event loops, each with its own SO_REUSEPORT listener on the same address.
///
/// Connections are spread by the kernel (SO_REUSEPORT hashes each new connection to one listener) rather than by
/// one acceptor thread handing fds over: no cross-thread queue, no wake-up per connection, and each loop accepts
/// exactly what it serves.
public final class Server: Sendable {
    public let configuration: ServerConfiguration
    private let handler: any RequestHandler
    private let state = Locked(State())

    private struct State {
        var loops: [EventLoop] = []
        var threads: [LoopThread] = []
        var boundAddress: String = ""
        var port: Int = 0
        var sharedListener: Int32 = -1
        var started = false
        var shutDown = false
    }

    /// Counters for `/metrics`; pass the same object to whatever renders them.
    public let metrics: ServerMetrics

    public init(
        configuration: ServerConfiguration, handler: any RequestHandler, metrics: ServerMetrics = ServerMetrics()
    ) {
        self.configuration = configuration
        self.handler = handler
        self.metrics = metrics
    }

    /// The port actually bound (the kernel's choice when configured with port 0).
    public var port: Int { state.withLock { $0.port } }
    /// `0.0.0.0:8080`, `[::1]:41234`, `unix:/run/kazakhstan-api.sock`.
    public var boundAddress: String { state.withLock { $0.boundAddress } }
    /// Open connections across every loop.
    public var openConnections: Int { metrics.openConnections.current }

    public enum StartError: Error, CustomStringConvertible {
        case system(SystemError)

        public var description: String {
            switch self {
            case .system(let e): e.description
            }
        }
    }

    /// Binds the listeners and starts the loops. Returns once the server accepts connections.
    public func start() throws(StartError) {
        // SIGPIPE must never kill the process: writes use MSG_NOSIGNAL, and this covers any other path.
        signal(SIGPIPE, SIG_IGN)
        let threads = max(1, configuration.threads)
        var listeners: [Int32] = []
        var shared = false
        var bound = ""
        var port = 0
        do throws(SystemError) {
            if let path = configuration.unixSocketPath {
                listeners = [
                    try Socket.listenUnix(
                        path: path, mode: configuration.unixSocketMode, backlog: configuration.listenBacklog)
                ]
                shared = true
                bound = "unix:" + path
            } else {
                guard var address = SocketAddress(host: configuration.host, port: configuration.port) else {
                    throw SystemError(
                        "invalid listen address '\(configuration.host)': use a numeric IPv4 or IPv6 address",
                        errno: EINVAL)
                }
                if address.port != 0 { try Socket.ensureAvailable(address) }
                for _ in 0..<threads {
                    let fd = try Socket.listen(on: address, reusePort: true, backlog: configuration.listenBacklog)
                    listeners.append(fd)
                    if address.port == 0 {
                        // Port 0: the first bind picks a free port; the other loops must join that same port.
                        address = try Socket.localAddress(fd)
                    }
                }
                let local = try Socket.localAddress(listeners[0])
                bound = local.description
                port = local.port
            }
            var loops: [EventLoop] = []
            for i in 0..<threads {
                loops.append(
                    try EventLoop(
                        index: i, listener: listeners[shared ? 0 : i], shared: shared, configuration: configuration,
                        handler: handler, metrics: metrics))
            }
            var loopThreads: [LoopThread] = []
            for loop in loops {
                let thread = LoopThread { loop.run() }
                try thread.start()
                loopThreads.append(thread)
            }
            state.withLock {
                $0.loops = loops
                $0.threads = loopThreads
                $0.boundAddress = bound
                $0.port = port
                $0.sharedListener = shared ? listeners[0] : -1
                $0.started = true
            }
        } catch {
            for fd in listeners { Glibc.close(fd) }
            if shared, let path = configuration.unixSocketPath { unlink(path) }
            throw .system(error)
        }
    }

    /// Any thread, returns at once: the drain before `shutdown`. From now on every response carries `Connection:
    /// close` and its connection closes once it is written; a request already received is answered. The listeners
    /// keep accepting (a balancer takes a while to stop sending), and idle connections stay open, until `shutdown`.
    public func beginDrain() {
        let loops = state.withLock { s in s.started && !s.shutDown ? s.loops : [] }
        for loop in loops { loop.requestDrain() }
    }

    /// Graceful shutdown, ending the drain (begun here if `beginDrain` was not called): new connections are turned
    /// away at once, while those the kernel had begun are accepted for `shutdownQuietPeriod`; then the listeners close.
    /// Requests in flight finish (their responses carry `Connection: close`); an idle connection is closed once it has
    /// been quiet for that period, after a last read that answers any request that just arrived; anything left after
    /// `grace` is force-closed. Blocks until every loop has stopped.
    public func shutdown(grace: Duration? = nil) {
        let (loops, threads, sharedListener) = state.withLock { s -> ([EventLoop], [LoopThread], Int32) in
            guard s.started, !s.shutDown else { return ([], [], -1) }
            s.shutDown = true
            return (s.loops, s.threads, s.sharedListener)
        }
        let deadline = Instant.now() + (grace ?? configuration.shutdownGrace)
        for loop in loops { loop.requestShutdown(deadline: deadline) }
        for thread in threads { thread.join() }
        if sharedListener >= 0 {
            Glibc.close(sharedListener)
            if let path = configuration.unixSocketPath { unlink(path) }
        }
    }
}
