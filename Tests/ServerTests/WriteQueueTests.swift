import Glibc
import Testing

@testable import Server

struct WriteQueueTests {
    /// A socketpair with a small send buffer, so writes are partial and then block.
    func pair() -> (Int32, Int32) {
        var fds: [Int32] = [0, 0]
        socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0, &fds)
        var size: Int32 = 4096
        setsockopt(fds[0], SOL_SOCKET, SO_SNDBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        return (fds[0], fds[1])
    }

    func drain(_ fd: Int32, into out: inout [UInt8]) {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n <= 0 { return }
            out.append(contentsOf: chunk[0..<n])
        }
    }

    @Test func partialWrites_resumeWhereTheyStopped_andKeepOrder() {
        let (w, r) = pair()
        defer {
            close(w)
            close(r)
        }
        var queue = WriteQueue()
        var expected: [UInt8] = []
        for i in 0..<50 {
            let chunk = [UInt8](repeating: UInt8(i), count: 10_000 + i)
            queue.append(chunk)
            expected += chunk
        }
        var received: [UInt8] = []
        var blockedAtLeastOnce = false
        while true {
            let result = queue.flush(to: w)
            if result == .drained { break }
            #expect(result == .wouldBlock)
            blockedAtLeastOnce = true
            drain(r, into: &received)
        }
        drain(r, into: &received)
        #expect(blockedAtLeastOnce)
        #expect(queue.isEmpty && queue.pendingBytes == 0)
        #expect(received == expected)
    }

    @Test func writeToAClosedPeer_failsWithEPIPE_andDoesNotRaiseSIGPIPE() {
        let (w, r) = pair()
        close(r)
        defer { close(w) }
        var queue = WriteQueue()
        queue.append([1, 2, 3])
        #expect(queue.flush(to: w) == .failed(EPIPE))
    }
}
