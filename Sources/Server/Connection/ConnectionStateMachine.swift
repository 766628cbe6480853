/// The connection's lifecycle rules, kept free of I/O so they can be tested with a fake clock:
/// events go in (with the time they happened), actions come out, and `Connection` carries the actions out.
/// Pattern after Hummingbird's `HTTPConnectionStateHandler.StateMachine`.
struct ConnectionStateMachine: Sendable {
    /// What the reading side is doing; each phase has its own deadline.
    enum ReadPhase: Equatable, Sendable {
        /// Accepted, and no byte of a first request yet. The header timeout runs from accept: a connection that
        /// never speaks must not hold one of `--max-connections` for the idle timeout.
        case awaitingFirstRequest(since: Instant)
        /// Between requests. The idle (keep-alive) timeout runs while no output is pending.
        case idle(since: Instant)
        /// Part of a request head is buffered. The header timeout runs from its first byte and is not reset by
        /// further bytes, so a client dribbling one byte at a time (slowloris) is still cut off.
        case head(since: Instant)
        /// Reading a body: the header timeout applies between reads.
        case body(lastProgress: Instant)
    }

    /// What the buffered input amounts to after the connection parsed everything it could.
    enum ReadProgress: Sendable {
        case nothingBuffered, partialHead, partialBody
    }

    enum Action: Equatable, Sendable {
        case none
        /// Close now; nothing more is owed to the peer.
        case close
        /// The request did not arrive in time: answer 408 and close after it is written (RFC 9110 §15.5.9).
        case timeOutRequest
        /// Shutting down, and nothing was asked or owed for the quiet period: read once more (a request that arrived
        /// since the loop last polled is answered, not dropped by the close), then close if nothing came.
        case closeIfNothingArrived
    }

    let timeouts: ConnectionTimeouts
    private(set) var phase: ReadPhase
    private(set) var outputPending = false
    private(set) var lastWriteProgress: Instant
    /// Set once a response was sent with `Connection: close` (or one is owed): no request after it is read.
    private(set) var closeAfterWrite = false
    /// The server is draining: every response from now on says `Connection: close`, but a connection between
    /// requests stays open for its next one (its client may be sending it already).
    private(set) var draining = false
    /// Set at shutdown: when it began, and how long a connection must then be quiet before it is closed.
    private(set) var shutdown: (began: Instant, quietPeriod: Duration)?
    private(set) var closed = false
    /// Whether a request was handed to the handler: after one, an empty buffer means "between requests".
    private(set) var hasDispatched = false

    init(timeouts: ConnectionTimeouts, now: Instant) {
        self.timeouts = timeouts
        phase = .awaitingFirstRequest(since: now)
        lastWriteProgress = now
    }

    /// After each read and parse.
    mutating func readProgress(_ progress: ReadProgress, now: Instant) {
        switch progress {
        case .nothingBuffered:
            switch phase {
            case .idle: return
            // Nothing read yet (a wake-up with no data): the clock keeps running from accept.
            case .awaitingFirstRequest where !hasDispatched: return
            default: phase = .idle(since: now)
            }
        case .partialHead:
            switch phase {
            case .head: return
            // The first request's head is timed from accept, not from its first byte.
            case .awaitingFirstRequest(let accepted): phase = .head(since: accepted)
            default: phase = .head(since: now)
            }
        case .partialBody:
            phase = .body(lastProgress: now)
        }
    }

    /// A complete request was handed to the handler. Returns whether its response must close the connection:
    /// the peer asked to (or is HTTP/1.0 without keep-alive), the response asked to, or the server is draining.
    mutating func requestDispatched(keepAlive: Bool) -> Bool {
        hasDispatched = true
        if !keepAlive || draining { closeAfterWrite = true }
        return closeAfterWrite
    }

    /// The engine itself answers an error: its response always closes (RFC 9112 §9.6 — framing may be lost).
    mutating func errorQueued() {
        closeAfterWrite = true
    }

    mutating func outputQueued(now: Instant) {
        if !outputPending {
            outputPending = true
            lastWriteProgress = now
        }
    }

    /// Some output was written; `drained` when nothing is left queued.
    mutating func wrote(drained: Bool, now: Instant) -> Action {
        lastWriteProgress = now
        guard drained else { return .none }
        outputPending = false
        if case .idle = phase { phase = .idle(since: now) }
        // Not closed at shutdown merely for being idle now: a keep-alive response went out without `Connection:
        // close`, so its client may send another request at once; the quiet period in `tick` decides.
        if closeAfterWrite {
            closed = true
            return .close
        }
        return .none
    }

    /// The peer sent FIN. Responses already owed are still written (a client may half-close after its request);
    /// then the connection closes.
    mutating func peerClosed() -> Action {
        closeAfterWrite = true
        if outputPending { return .none }
        closed = true
        return .close
    }

    /// The drain before a shutdown: every response from now on closes its connection. Nothing closes now.
    mutating func drainRequested() {
        draining = true
    }

    /// Graceful shutdown (implies the drain): a request in flight finishes and its response carries `Connection:
    /// close`; a connection with nothing in flight is closed once it has been quiet for `quietPeriod`, counted from
    /// the later of the shutdown and its last activity. Returns what `tick` would now.
    mutating func shutdownRequested(now: Instant, quietPeriod: Duration) -> Action {
        draining = true
        if shutdown == nil { shutdown = (now, quietPeriod) }
        return tick(now: now)
    }

    /// After the last read that `closeIfNothingArrived` asked for: close if the connection is still quiet.
    mutating func lastReadDone(now: Instant) -> Action {
        guard !closed, isQuietLongEnough(now: now) else { return .none }
        closed = true
        return .close
    }

    /// Shutting down, between requests with nothing owed, and quiet for the quiet period.
    private func isQuietLongEnough(now: Instant) -> Bool {
        guard let shutdown, !outputPending, !closeAfterWrite else { return false }
        switch phase {
        case .idle(let since), .awaitingFirstRequest(let since):
            return now - max(since, shutdown.began) >= shutdown.quietPeriod
        case .head, .body:
            return false
        }
    }

    /// Called periodically by the event loop.
    mutating func tick(now: Instant) -> Action {
        guard !closed else { return .none }
        if outputPending, now - lastWriteProgress >= timeouts.write {
            closed = true
            return .close
        }
        switch phase {
        case .awaitingFirstRequest(let since):
            // Nothing was asked, so nothing is answered: the connection is closed without a 408.
            if !outputPending, now - since >= timeouts.header {
                closed = true
                return .close
            }
            if isQuietLongEnough(now: now) { return .closeIfNothingArrived }
        case .idle(let since):
            if !outputPending, now - since >= timeouts.idle {
                closed = true
                return .close
            }
            if isQuietLongEnough(now: now) { return .closeIfNothingArrived }
        case .head(let since):
            if now - since >= timeouts.header, !closeAfterWrite {
                closeAfterWrite = true
                phase = .idle(since: now)
                return .timeOutRequest
            }
        case .body(let last):
            if now - last >= timeouts.header, !closeAfterWrite {
                closeAfterWrite = true
                phase = .idle(since: now)
                return .timeOutRequest
            }
        }
        return .none
    }
}
