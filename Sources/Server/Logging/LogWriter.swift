import Glibc
import JSON

/// The body of a `LogBuffer`'s writer thread: takes everything pending at once, writes it through the sink outside
/// the lock (for as long as the sink takes), and reports dropped lines with one JSON notice line.
///
/// A notice comes after every line accepted before the drops it counts: drops are claimed when the writer takes the
/// pending bytes (they happened before those bytes were taken) and reported once those are written; when nothing is
/// pending, every drop so far precedes whatever comes next. At most one notice a second, so a reader that keeps
/// falling behind gets a steady count rather than a notice per chunk.
struct LogWriter: Sendable {
    let state: ConditionLocked<LogBuffer.State>
    let sink: @Sendable ([UInt8]) -> Void
    let streamName: String

    static let noticeInterval: Duration = .seconds(1)

    enum Work {
        case write([UInt8])
        case exit
    }

    func run() {
        // SIGTERM and SIGINT are for the main thread's sigwait: a thread that left them unblocked would take their
        // default action (exit at once) instead of a graceful stop.
        var stopSignals = sigset_t()
        sigemptyset(&stopSignals)
        sigaddset(&stopSignals, SIGTERM)
        sigaddset(&stopSignals, SIGINT)
        pthread_sigmask(SIG_BLOCK, &stopSignals, nil)
        while true {
            switch state.wait({ nextWork(&$0, now: .now()) }) {
            case .write(let bytes):
                sink(bytes)
                state.withLockBroadcasting { $0.writing = 0 }
            case .exit:
                return
            }
        }
    }

    /// Under the lock, with nothing being written: what to write next, or how long to wait.
    func nextWork(_ s: inout LogBuffer.State, now: Instant) -> ConditionLocked<LogBuffer.State>.Step<Work> {
        if s.pending.isEmpty {
            // Every accepted line is written: these drops precede whatever comes next.
            s.droppedClaimed += s.droppedUnclaimed
            s.droppedUnclaimed = 0
        }
        if s.droppedClaimed > 0, s.draining || s.nextNoticeAt.map({ now >= $0 }) ?? true {
            let line = notice(dropped: s.droppedClaimed)
            s.droppedClaimed = 0
            s.nextNoticeAt = now + LogWriter.noticeInterval
            s.writing = line.count
            return .done(.write(line))
        }
        if !s.pending.isEmpty {
            s.droppedClaimed += s.droppedUnclaimed
            s.droppedUnclaimed = 0
            var batch: [UInt8] = []
            swap(&batch, &s.pending)
            s.writing = batch.count
            return .done(.write(batch))
        }
        if s.droppedClaimed > 0 { return .wait(until: s.nextNoticeAt) }
        return s.closing ? .done(.exit) : .wait(until: nil)
    }

    /// `{"level":"warn","msg":"dropped log lines: stdout did not keep up","dropped":N}`
    func notice(dropped: Int) -> [UInt8] {
        var line = Array(#"{"level":"warn","msg":"#.utf8)
        JSONWriter.appendString("dropped log lines: \(streamName) did not keep up", into: &line)
        line.append(contentsOf: #","dropped":"#.utf8)
        ASCIIDigits.appendDecimal(dropped, to: &line)
        line.append(contentsOf: "}\n".utf8)
        return line
    }
}
