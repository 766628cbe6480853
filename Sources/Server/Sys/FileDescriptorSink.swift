import Glibc

/// Writes whole buffers to a file descriptor (stdout, stderr), for as long as the reader makes it take: only a log
/// writer thread calls it, never an event loop.
struct FileDescriptorSink: Sendable {
    let fd: Int32

    func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, base + offset, raw.count - offset)
                if n >= 0 {
                    offset += n
                    continue
                }
                switch errno {
                case EINTR:
                    continue
                case EAGAIN:
                    // A descriptor inherited in non-blocking mode: wait until it takes more, rather than cut a line.
                    var entry = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&entry, 1, -1)
                default:
                    return  // the reader is gone (EPIPE; SIGPIPE is ignored): nothing is left to tell
                }
            }
        }
    }
}
