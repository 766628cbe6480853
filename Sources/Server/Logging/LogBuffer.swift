/// A bounded buffer of whole log lines, drained into a sink (stdout, stderr, a test's closure) by one writer thread
/// of its own, so that logging never blocks the thread that logs: an event loop must never wait for a log write.
/// Enqueueing takes the lock only to append; a chunk that does not fit within the byte budget is dropped whole and
/// its lines counted, never waited for. The writer reports drops with one notice line once what came before them is
/// written, at most once a second (`LogWriter`).
///
/// Chunks are whole lines and are appended whole, in the order they were enqueued, so no line is ever split or
/// interleaved with another chunk's.
final class LogBuffer: Sendable {
    struct State {
        /// Accepted bytes the writer has not taken yet.
        var pending: [UInt8] = []
        /// Bytes the writer has taken and not finished writing. They still count against the budget, so memory stays
        /// bounded while the sink is stuck in one long write.
        var writing = 0
        /// Lines dropped since the writer last took pending bytes.
        var droppedUnclaimed = 0
        /// Lines dropped before bytes the writer has since taken, so before everything it writes next: the next
        /// notice reports them.
        var droppedClaimed = 0
        /// Every line dropped since start (the metric).
        var droppedTotal = 0
        /// No notice before this (the rate limit); nil until the first.
        var nextNoticeAt: Instant?
        /// A flush is waiting: the notice is written without waiting for its rate limit.
        var draining = false
        /// The writer stops once everything is written (tests; the process-wide buffers live as long as the process).
        var closing = false

        /// Everything accepted is written and every drop reported.
        var isDrained: Bool { pending.isEmpty && writing == 0 && droppedUnclaimed == 0 && droppedClaimed == 0 }
    }

    let budget: Int
    let state: ConditionLocked<State>
    private let thread: LoopThread

    /// `streamName` names the sink in the drop notice ("stdout did not keep up"); `sink` writes whole buffers and may
    /// block for as long as its reader makes it: only the writer thread calls it.
    init(budget: Int, streamName: String, sink: @escaping @Sendable ([UInt8]) -> Void) {
        self.budget = budget
        let state = ConditionLocked(State())
        self.state = state
        let writer = LogWriter(state: state, sink: sink, streamName: streamName)
        thread = LoopThread { writer.run() }
        // Should the thread fail to start, nothing drains the buffer: lines are dropped and counted once it is full,
        // which is still better than a server that cannot log blocking on it.
        try? thread.start()
    }

    /// Any thread, never blocks on I/O: appends `bytes` (`lines` whole lines) if they fit within the budget, or drops
    /// them and counts their lines.
    func enqueue(_ bytes: [UInt8], lines: Int) {
        guard !bytes.isEmpty else { return }
        state.withLockBroadcasting { s in
            if s.pending.count + s.writing + bytes.count <= budget {
                s.pending.append(contentsOf: bytes)
            } else {
                s.droppedUnclaimed += lines
                s.droppedTotal += lines
            }
        }
    }

    /// Lines dropped since start.
    var droppedTotal: Int { state.withLock { $0.droppedTotal } }

    /// Waits until everything accepted so far is written and any drop reported, or until `deadline`; true when
    /// drained. From here on the drop notice no longer waits for its rate limit.
    func drain(until deadline: Instant) -> Bool {
        state.withLockBroadcasting { $0.draining = true }
        return state.wait { s -> ConditionLocked<State>.Step<Bool> in
            if s.isDrained { return .done(true) }
            return Instant.now() >= deadline ? .done(false) : .wait(until: deadline)
        }
    }

    /// Writes what is left, then stops the writer thread and waits for it. The sink must not be stuck.
    func close() {
        state.withLockBroadcasting {
            $0.draining = true
            $0.closing = true
        }
        thread.join()
    }
}
