import CSystem
import Glibc

/// Output owed to one connection, written with as few `sendmsg` calls as possible: a response's head and its
/// shared body (and those of pipelined responses) go out together as one iovec array, never copied together.
struct WriteQueue {
    private struct Chunk {
        var bytes: [UInt8]
        var offset: Int
        var remaining: Int { bytes.count - offset }
    }

    private var chunks: [Chunk] = []
    private var head = 0
    /// Bytes queued and not yet written.
    private(set) var pendingBytes = 0

    var isEmpty: Bool { pendingBytes == 0 }

    mutating func append(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        chunks.append(Chunk(bytes: bytes, offset: 0))
        pendingBytes += bytes.count
    }

    enum FlushResult: Equatable {
        /// Everything was written.
        case drained
        /// The socket buffer is full: wait for EPOLLOUT.
        case wouldBlock
        /// The peer is gone (EPIPE, ECONNRESET, …).
        case failed(Int32)
    }

    /// At most this many chunks per sendmsg; the rest go in the next call of the same flush.
    private static let maxChunksPerCall = 32

    /// Writes until drained or the socket would block.
    mutating func flush(to fd: Int32) -> FlushResult {
        while pendingBytes > 0 {
            let end = min(chunks.count, head + WriteQueue.maxChunksPerCall)
            var iovecs: [iovec] = []
            iovecs.reserveCapacity(end - head)
            let n = Self.withIOVecs(chunks[head..<end], &iovecs) { vecs -> Int in
                var message = msghdr()
                message.msg_iov = UnsafeMutablePointer(mutating: vecs.baseAddress)
                message.msg_iovlen = vecs.count
                // MSG_NOSIGNAL: a peer that went away yields EPIPE here rather than a process-killing SIGPIPE.
                return sendmsg(fd, &message, Int32(MSG_NOSIGNAL))
            }
            if n < 0 {
                let e = errno
                if e == EINTR { continue }
                if e == EAGAIN || e == EWOULDBLOCK { return .wouldBlock }
                return .failed(e)
            }
            consume(n)
        }
        chunks.removeAll(keepingCapacity: false)
        head = 0
        return .drained
    }

    private mutating func consume(_ count: Int) {
        var left = count
        pendingBytes -= count
        while left > 0 {
            let r = chunks[head].remaining
            if left >= r {
                left -= r
                chunks[head] = Chunk(bytes: [], offset: 0)  // release the bytes now, not when the queue empties
                head += 1
            } else {
                chunks[head].offset += left
                left = 0
            }
        }
        if head == chunks.count {
            chunks.removeAll(keepingCapacity: true)
            head = 0
        }
    }

    /// Pins every chunk's storage for the duration of the call by nesting `withUnsafeBytes` (no copying, and no
    /// pointer escaping its closure). Depth is bounded by `maxChunksPerCall`.
    private static func withIOVecs<R>(
        _ chunks: ArraySlice<Chunk>, _ iovecs: inout [iovec], _ body: (UnsafeBufferPointer<iovec>) -> R
    ) -> R {
        guard let first = chunks.first else {
            return iovecs.withUnsafeMutableBufferPointer { body(UnsafeBufferPointer($0)) }
        }
        return first.bytes.withUnsafeBytes { raw in
            let base = raw.baseAddress.map { UnsafeMutableRawPointer(mutating: $0 + first.offset) }
            iovecs.append(iovec(iov_base: base, iov_len: first.remaining))
            return withIOVecs(chunks.dropFirst(), &iovecs, body)
        }
    }
}
