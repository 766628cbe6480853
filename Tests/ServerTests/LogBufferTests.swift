import Glibc
import Testing

@testable import Server

struct LogBufferTests {
    /// Chunk `index` of `lines` lines, each exactly 50 bytes with its newline, numbered so order is visible.
    func chunk(_ index: Int, lines: Int = 2) -> [UInt8] {
        var bytes: [UInt8] = []
        for line in 0..<lines {
            let text = "chunk \(index) line \(line) "
            bytes += Array((text + String(repeating: ".", count: 49 - text.utf8.count) + "\n").utf8)
        }
        return bytes
    }

    func notice(_ dropped: Int) -> String {
        #"{"level":"warn","msg":"dropped log lines: stdout did not keep up","dropped":\#(dropped)}"# + "\n"
    }

    /// Polls (bounded) until the buffer has written everything and reported every drop, without draining: a drain
    /// lifts the notice's rate limit, which one test here measures.
    func waitUntilIdle(_ buffer: LogBuffer) -> Bool {
        for _ in 0..<5000 {
            if buffer.state.withLock({ $0.isDrained }) { return true }
            usleep(1000)
        }
        return false
    }

    @Test func enqueuePastTheBudget_withTheWriterStalled_neverWaits_dropsWholeChunks_andReportsThemAfterTheKeptLines()
        throws
    {
        let sink = ControlledSink()
        let buffer = LogBuffer(budget: 1000, streamName: "stdout", sink: { sink.write($0) })
        defer { buffer.close() }
        // The sink takes nothing: the first chunk the writer takes stays in flight, and still counts against the
        // budget, so exactly the first ten 100-byte chunks fit, whenever the writer takes them.
        let started = Instant.now()
        for i in 0..<50 { buffer.enqueue(chunk(i), lines: 2) }
        let elapsed = Instant.now() - started
        #expect(elapsed < .seconds(1), "enqueue waited for the stalled sink: \(elapsed)")
        #expect(buffer.droppedTotal == 80)

        sink.open()
        #expect(buffer.drain(until: Instant.now() + .seconds(5)))
        let kept = (0..<10).map { String(decoding: chunk($0), as: UTF8.self) }.joined()
        #expect(sink.text == kept + notice(80))
    }

    @Test func theDropNotice_comesAtMostOnceASecond_andCountsOnlyTheLinesSinceTheLastOne() throws {
        let sink = ControlledSink()
        let buffer = LogBuffer(budget: 100, streamName: "stdout", sink: { sink.write($0) })
        defer {
            sink.open()
            buffer.close()
        }
        buffer.enqueue(chunk(0), lines: 2)
        buffer.enqueue(chunk(1, lines: 3), lines: 3)  // does not fit beside chunk 0: dropped
        sink.allow(2)  // chunk 0, then the notice
        #expect(sink.waitForWrites(2))
        #expect(waitUntilIdle(buffer))

        buffer.enqueue(chunk(2), lines: 2)
        buffer.enqueue(chunk(3), lines: 2)  // dropped again, right after the first notice
        sink.allow(2)
        #expect(sink.waitForWrites(4))
        let writes = sink.writes
        try #require(writes.count == 4)
        let gap = writes[3].at - writes[1].at
        #expect(gap >= .milliseconds(900), "second notice \(gap) after the first")
        #expect(gap < .seconds(3))
        let expected = [chunk(0), Array(notice(3).utf8), chunk(2), Array(notice(2).utf8)]
        #expect(
            writes.map { String(decoding: $0.bytes, as: UTF8.self) }
                == expected.map { String(decoding: $0, as: UTF8.self) })
        #expect(buffer.droppedTotal == 5)
    }

    @Test func aChunkLargerThanTheBudget_isDroppedWhole_andReportedEvenWhenNothingElseIsLogged() throws {
        let sink = ControlledSink()
        sink.open()
        let buffer = LogBuffer(budget: 100, streamName: "stdout", sink: { sink.write($0) })
        defer { buffer.close() }
        buffer.enqueue(chunk(0, lines: 3), lines: 3)
        #expect(sink.waitForWrites(1))
        #expect(sink.text == notice(3))
        #expect(buffer.droppedTotal == 3)
    }

    @Test func drain_givesUpAtItsDeadline_whenTheSinkStaysStuck() throws {
        let sink = ControlledSink()
        let buffer = LogBuffer(budget: 1000, streamName: "stdout", sink: { sink.write($0) })
        defer {
            sink.open()
            buffer.close()
        }
        buffer.enqueue(chunk(0), lines: 2)
        let started = Instant.now()
        #expect(!buffer.drain(until: started + .milliseconds(200)))
        let waited = Instant.now() - started
        #expect(waited >= .milliseconds(190))
        #expect(waited < .seconds(2))
    }
}
