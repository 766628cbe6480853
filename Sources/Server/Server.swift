import Glibc
import Synchronization

/// The HTTP/1.1 server: N event loops, each with its own SO_REUSEPORT listener on the same address.
///
/// Connections are spread by the kernel (SO_REUSEPORT hashes each new connection to one listener) rather than by
/// one acceptor thread handing fds over: no cross-thread queue, no wake-up per connection, and each loop accepts
/// exactly what it serves.
public final class Server: Sendable {
    public let configuration: ServerConfiguration
    private let handler: any RequestHandler
    private let state = Mutex(State())
    private let counter = ConnectionCounter()

    private struct State {
        var loops: [EventLoop] = []
        var threads: [LoopThread] = []
        var boundAddress: String = ""
        var port: Int = 0
        var started = false
        var shutDown = false
    }

    public init(configuration: ServerConfiguration, handler: any RequestHandler) {
        self.configuration = configuration
        self.handler = handler
    }

    /// The port actually bound (the kernel's choice when configured with port 0).
    public var port: Int { state.withLock { $0.port } }
    /// `0.0.0.0:8080`, `[::1]:41234`.
    public var boundAddress: String { state.withLock { $0.boundAddress } }
    /// Open connections across every loop.
    public var openConnections: Int { counter.current }

    public enum StartError: Error, CustomStringConvertible {
        case invalidAddress(String)
        case system(SystemError)

        public var description: String {
            switch self {
            case .invalidAddress(let host): "invalid listen address '\(host)': use a numeric IPv4 or IPv6 address"
            case .system(let e): e.description
            }
        }
    }

    /// Binds the listeners and starts the loops. Returns once the server accepts connections.
    public func start() throws(StartError) {
        guard var address = SocketAddress(host: configuration.host, port: configuration.port) else {
            throw .invalidAddress(configuration.host)
        }
        // SIGPIPE must never kill the process: writes use MSG_NOSIGNAL, and this covers any other path.
        signal(SIGPIPE, SIG_IGN)
        let threads = max(1, configuration.threads)
        var listeners: [Int32] = []
        do throws(SystemError) {
            if address.port != 0 { try Socket.ensureAvailable(address) }
            for _ in 0..<threads {
                let fd = try Socket.listen(on: address, reusePort: true, backlog: configuration.listenBacklog)
                listeners.append(fd)
                if address.port == 0 {
                    // Port 0: the first bind picks a free port; the other loops must join that same port.
                    address = try Socket.localAddress(fd)
                }
            }
            let bound = try Socket.localAddress(listeners[0])
            var loops: [EventLoop] = []
            for fd in listeners {
                loops.append(try EventLoop(listener: fd, configuration: configuration, handler: handler, counter: counter))
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
                $0.boundAddress = bound.description
                $0.port = bound.port
                $0.started = true
            }
        } catch {
            for fd in listeners { Glibc.close(fd) }
            throw .system(error)
        }
    }

    /// Graceful shutdown: stop accepting, close idle connections, let requests in flight finish (their responses
    /// carry `Connection: close`), and force-close anything left after `grace`. Blocks until every loop has stopped.
    public func shutdown(grace: Duration? = nil) {
        let (loops, threads) = state.withLock { s -> ([EventLoop], [LoopThread]) in
            guard s.started, !s.shutDown else { return ([], []) }
            s.shutDown = true
            return (s.loops, s.threads)
        }
        let deadline = Instant.now() + (grace ?? configuration.shutdownGrace)
        for loop in loops { loop.requestShutdown(deadline: deadline) }
        for thread in threads { thread.join() }
    }
}
