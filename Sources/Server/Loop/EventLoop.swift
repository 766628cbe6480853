import CSystem
import Glibc
import Synchronization

/// One thread running a level-triggered epoll loop. It owns its listener and every connection accepted on it,
/// so nothing on the request path takes a lock. Other threads talk to it only through `requestDrain` (an atomic
/// flag) and `requestShutdown` (a lock-guarded deadline), each of which wakes the loop with its eventfd.
final class EventLoop: @unchecked Sendable {
    // @unchecked: every stored var below is touched only on the loop's own thread, except `pendingDrain` (an
    // atomic), `pendingShutdown` (a lock) and the epoll wake fd (eventfd writes are thread-safe).

    private let epoll: Epoll
    private let context: LoopContext
    private var listener: Int32
    /// A Unix-socket listener is one fd shared by every loop (SO_REUSEPORT does not apply to Unix sockets): each loop
    /// registers it with EPOLLEXCLUSIVE so a new connection wakes one loop, not all, and only the Server closes it.
    private let listenerIsShared: Bool
    private var listenerEvents: UInt32 {
        UInt32(EPOLLIN.rawValue) | (listenerIsShared ? UInt32(EPOLLEXCLUSIVE.rawValue) : 0)
    }
    /// Connections indexed by fd: fds are small dense integers, so this is the fastest lookup there is.
    private var connections: [Connection?] = []
    private var connectionCount = 0
    /// Tags each accepted fd so a stale epoll event for a closed and reused fd is recognised and dropped.
    private var generation: UInt32 = 0
    private var acceptPausedUntil: Instant?
    private var exhaustionLogged = false
    /// Refusals at `--max-connections` not yet reported, and when they last were: logged at most once a second.
    private var refusedSinceReport = 0
    private var lastRefusalReport: Instant?
    private var nextSweep: Instant
    private var nextLogFlush: Instant
    private var shutdownDeadline: Instant?
    private let pendingShutdown = Locked<Instant?>(nil)
    private let pendingDrain = Atomic<Bool>(false)
    /// Copied from `pendingDrain` when the loop is woken, so nothing per request reads shared memory.
    private var draining = false
    /// When the listener closes during a shutdown: it still completes the connections begun before (see `beginShutdown`).
    private var listenerClosesAt: Instant?

    private static let listenerToken: UInt64 = .max - 1
    /// Deadlines are checked by sweeping the connection table every 100 ms. That is the loop's one deadline
    /// structure: O(connections) per sweep costs less than keeping a timer-heap entry per request at 50k+ requests/s,
    /// and timeouts measured in seconds need no finer resolution.
    static let sweepInterval: Duration = .milliseconds(100)

    private let metrics: ServerMetrics

    init(
        index: Int, listener: Int32, shared: Bool, configuration: ServerConfiguration, handler: any RequestHandler,
        metrics: ServerMetrics
    ) throws(SystemError) {
        self.metrics = metrics
        self.epoll = try Epoll()
        self.listener = listener
        self.listenerIsShared = shared
        self.context = LoopContext(
            configuration: configuration, handler: handler, metrics: metrics, metricsShard: index)
        nextSweep = context.now + EventLoop.sweepInterval
        nextLogFlush = context.now + .seconds(1)
        try epoll.add(listener, events: listenerEvents, token: EventLoop.listenerToken)
    }

    /// Any thread: from now on every response closes its connection (see `beginDrain`).
    func requestDrain() {
        pendingDrain.store(true, ordering: .relaxed)
        epoll.wake()
    }

    /// Any thread: stop accepting, let in-flight requests finish, force-close whatever is left at `deadline`.
    func requestShutdown(deadline: Instant) {
        pendingShutdown.withLock { $0 = deadline }
        epoll.wake()
    }

    // MARK: The loop

    func run() {
        let capacity = 256
        let events = UnsafeMutableBufferPointer<epoll_event>.allocate(capacity: capacity)
        defer { events.deallocate() }
        while true {
            let wait = max(0, min(Int32((nextSweep - context.now).milliseconds) + 1, 1000))
            let n = epoll.wait(into: events, timeoutMilliseconds: wait)
            context.refreshClock()
            for i in 0..<n {
                let event = events[i]
                switch event.data.u64 {
                case Epoll.wakeToken:
                    epoll.drainWake()
                    if !draining, pendingDrain.load(ordering: .relaxed) { beginDrain() }
                    if let deadline = pendingShutdown.withLock({ $0 }), shutdownDeadline == nil {
                        beginShutdown(deadline: deadline)
                    }
                case EventLoop.listenerToken:
                    // A shared Unix listener that another loop shut down at the end of its drain polls readable for
                    // good: this loop's drain is over too.
                    if acceptConnections() == 0, listenerIsShared, shutdownDeadline != nil,
                        Socket.isShutDownForReading(listener)
                    {
                        closeListener()
                    }
                default:
                    handle(event)
                }
            }
            if context.now >= nextSweep { sweep() }
            if let closesAt = listenerClosesAt, context.now >= closesAt { closeListener() }
            if let deadline = shutdownDeadline, (listener < 0 && connectionCount == 0) || context.now >= deadline {
                break
            }
        }
        for case let connection? in connections { close(connection) }
        context.flushLog()
    }

    private func handle(_ event: epoll_event) {
        let fd = Int(UInt32(truncatingIfNeeded: event.data.u64))
        guard fd < connections.count, let connection = connections[fd], connection.token == event.data.u64 else {
            return  // the fd was closed (and maybe reused) after this event was queued
        }
        let flags = event.events
        if flags & (UInt32(EPOLLERR.rawValue) | UInt32(EPOLLHUP.rawValue)) != 0 {
            // Both directions gone or a socket error: nothing more can be delivered.
            close(connection)
            return
        }
        var disposition = Connection.Disposition.keepOpen
        if flags & (UInt32(EPOLLIN.rawValue) | UInt32(EPOLLRDHUP.rawValue)) != 0 {
            disposition = connection.onReadable(context)
        }
        if case .keepOpen = disposition, flags & UInt32(EPOLLOUT.rawValue) != 0 {
            disposition = connection.onWritable(context)
        }
        settle(connection, disposition)
    }

    /// Closes the connection or brings its epoll interest up to date.
    private func settle(_ connection: Connection, _ disposition: Connection.Disposition) {
        if case .close = disposition {
            close(connection)
            return
        }
        let desired = connection.desiredEvents
        if desired != connection.registeredEvents {
            do {
                try epoll.modify(connection.fd, events: desired, token: connection.token)
                connection.registeredEvents = desired
            } catch {
                close(connection)
            }
        }
    }

    // MARK: Accepting

    /// Bounded by `limit` so one loop never starves its existing connections during a connection storm. Returns how
    /// many connections it took off the listener's queue (served or refused).
    @discardableResult
    private func acceptConnections(limit: Int = 64) -> Int {
        guard listener >= 0, acceptPausedUntil == nil else { return 0 }
        var taken = 0
        for _ in 0..<limit {
            switch Socket.accept(listener) {
            case .accepted(let fd, let address):
                taken += 1
                let cap = context.configuration.maxConnections
                guard metrics.openConnections.tryIncrement(limit: cap) else {
                    // Over --max-connections: refuse at once rather than queue without bound.
                    Glibc.close(fd)
                    refused(cap: cap)
                    continue
                }
                let trusted =
                    address.family == AF_UNIX
                    ? context.configuration.trustUnixSocketPeers
                    : context.configuration.trustedProxies.contains { $0.contains(address.host) }
                register(fd, remoteAddress: address.description, trusted: trusted)
            case .wouldBlock:
                return taken
            case .exhausted(let e):
                // EMFILE/ENFILE/ENOBUFS: the listener stays readable, so retrying now would spin. Back off for a
                // second (descriptors free up as connections close), and say so once, not per attempt.
                if !exhaustionLogged {
                    exhaustionLogged = true
                    StandardError.writeLine(
                        #"{"level":"error","msg":"accept paused for 1s: \#(SystemError("accept4", errno: e).description)"}"#
                    )
                }
                pauseAccepting()
                return taken
            case .failed(let e):
                StandardError.writeLine(
                    #"{"level":"error","msg":"accept failed: \#(SystemError("accept4", errno: e).description)"}"#)
                return taken
            }
        }
        return taken
    }

    /// Counts a refusal at the cap; an operator sees it in `/metrics` at once and in the log at most once a second,
    /// with how many were refused since the last line (a storm of refusals must not become a storm of log lines).
    private func refused(cap: Int) {
        metrics.connectionRefused()
        refusedSinceReport += 1
        let now = context.now
        if let last = lastRefusalReport, now - last < .seconds(1) { return }
        StandardError.writeLine(
            #"{"level":"warn","msg":"connections refused: --max-connections reached","max_connections":\#(cap),"refused":\#(refusedSinceReport)}"#
        )
        refusedSinceReport = 0
        lastRefusalReport = now
    }

    private func pauseAccepting() {
        epoll.remove(listener)
        acceptPausedUntil = context.now + .seconds(1)
        metrics.acceptBackedOff()
    }

    private func register(_ fd: Int32, remoteAddress: String, trusted: Bool) {
        Socket.configureAccepted(fd)
        generation &+= 1
        let token = UInt64(generation) << 32 | UInt64(UInt32(fd))
        let connection = Connection(
            fd: fd, token: token, remoteAddress: remoteAddress, peerIsTrustedProxy: trusted,
            limits: context.configuration.limits,
            timeouts: context.configuration.timeouts, now: context.now)
        if draining { connection.drainRequested() }
        let events = connection.desiredEvents
        do {
            try epoll.add(fd, events: events, token: token)
        } catch {
            Glibc.close(fd)
            metrics.openConnections.decrement()
            return
        }
        connection.registeredEvents = events
        let index = Int(fd)
        if index >= connections.count {
            connections.append(contentsOf: repeatElement(nil, count: index - connections.count + 1))
        }
        connections[index] = connection
        connectionCount += 1
        metrics.connectionAccepted()
        var disposition = Connection.Disposition.keepOpen
        if !listenerIsShared {
            // TCP listeners use TCP_DEFER_ACCEPT: a connection is only accepted once its first bytes have arrived, so
            // read them now rather than after another epoll_wait round trip (what a new connection per request costs).
            disposition = connection.onReadable(context)
        }
        if case .keepOpen = disposition, shutdownDeadline != nil {
            disposition = connection.shutdownRequested(context)
        }
        settle(connection, disposition)
    }

    private func close(_ connection: Connection) {
        let index = Int(connection.fd)
        guard index < connections.count, connections[index] === connection else { return }
        connections[index] = nil
        connectionCount -= 1
        metrics.openConnections.decrement()
        // close() also removes the fd from the epoll set (it is never duplicated), so no EPOLL_CTL_DEL syscall.
        Glibc.close(connection.fd)
    }

    // MARK: Time

    private func sweep() {
        nextSweep = context.now + EventLoop.sweepInterval
        if let until = acceptPausedUntil, context.now >= until, listener >= 0 {
            acceptPausedUntil = nil
            exhaustionLogged = false
            do { try epoll.add(listener, events: listenerEvents, token: EventLoop.listenerToken) } catch {
                acceptPausedUntil = context.now + .seconds(1)
            }
        }
        for case let connection? in connections {
            settle(connection, connection.tick(context))
        }
        if context.now >= nextLogFlush {
            nextLogFlush = context.now + .seconds(1)
            context.flushLog()
        }
    }

    // MARK: Drain and shutdown

    /// Every response from now on says `Connection: close` and closes its connection; a request already received is
    /// answered. Idle connections stay open (their clients may be sending), and the listener keeps accepting: a
    /// balancer takes a while to stop sending, and each connection it still opens gets one answer.
    private func beginDrain() {
        draining = true
        if listener >= 0, !listenerIsShared { Socket.acceptAtHandshake(listener) }
        for case let connection? in connections { connection.drainRequested() }
    }

    /// The drain ends. New handshakes are ignored at once, but the listener stays open for the quiet period, so the
    /// connections the kernel had already begun complete and are served; then it closes (`closeListener`). Requests
    /// in flight finish; connections are closed once quiet for that period (`ConnectionStateMachine`).
    private func beginShutdown(deadline: Instant) {
        shutdownDeadline = deadline
        if !draining { beginDrain() }
        for case let connection? in connections {
            settle(connection, connection.shutdownRequested(context))
        }
        if listener >= 0 {
            if !listenerIsShared { Socket.ignoreNewHandshakes(listener) }
            let closesAt = min(context.now + context.configuration.shutdownQuietPeriod, deadline)
            listenerClosesAt = closesAt
            if context.now >= closesAt { closeListener() }
        }
    }

    /// Takes every connection the kernel completed (closing the listener would reset them), then closes it. A shared
    /// Unix listener is shut down for reading first, which refuses new connects, and only the Server closes it.
    private func closeListener() {
        guard listener >= 0 else { return }
        listenerClosesAt = nil
        if listenerIsShared { Socket.refuseNewConnections(listener) }
        acceptPausedUntil = nil
        acceptConnections(limit: 4096)
        epoll.remove(listener)
        if !listenerIsShared { Glibc.close(listener) }
        listener = -1
    }
}
