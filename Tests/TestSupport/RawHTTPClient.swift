import Glibc

/// A blocking HTTP/1.1 client over a loopback TCP or Unix socket that sends raw bytes, so tests control exactly what
/// goes on the wire, and reads responses back with their framing (Content-Length, chunked, or until close). Several
/// responses can be read from one connection (keep-alive, pipelining). Every send and read has a timeout: a server
/// bug shows up as a failed test, never a hung suite.
public final class RawHTTPClient {
    public let fd: Int32
    /// Bytes received but not yet returned: the start of the next response.
    private var buffer: [UInt8] = []
    private var isOpen = true

    public enum ClientError: Error {
        case badAddress
        case system(String, Int32)
        case timedOut, closed
        case malformed(String)
    }

    /// Connects to a numeric address (`127.0.0.1`, `::1`).
    public init(port: Int, host: String = "127.0.0.1", readTimeoutSeconds: Int = 5) throws {
        fd = try ClientSocket.connect(host: host, port: port)
        setTimeouts(seconds: readTimeoutSeconds)
    }

    /// Connects to a Unix-socket listener.
    public init(unixPath: String, readTimeoutSeconds: Int = 5) throws {
        fd = try ClientSocket.connect(unixPath: unixPath)
        setTimeouts(seconds: readTimeoutSeconds)
    }

    deinit { if isOpen { close(fd) } }

    private func setTimeouts(seconds: Int) {
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        for option in [SO_RCVTIMEO, SO_SNDTIMEO] {
            setsockopt(fd, SOL_SOCKET, option, &timeout, socklen_t(MemoryLayout<timeval>.size))
        }
    }

    // MARK: - Sending

    public func send(_ text: String) throws { try send(Array(text.utf8)) }

    public func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            // MSG_NOSIGNAL: a peer that closed gives EPIPE here instead of killing the test process with SIGPIPE.
            let n = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n < 0 {
                let error = errno
                throw error == EAGAIN || error == EWOULDBLOCK ? ClientError.timedOut : ClientError.system("send", error)
            }
            offset += n
        }
    }

    /// Sends what the socket takes without blocking and drops the rest: a client that floods and never reads.
    public func sendWithoutBlocking(_ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes {
                Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL | MSG_DONTWAIT))
            }
            if n <= 0 { return }
            offset += n
        }
    }

    /// Half-closes: the server reads EOF but can still answer.
    public func shutdownWrite() { Glibc.shutdown(fd, Int32(SHUT_WR)) }

    /// Closes with RST instead of FIN (SO_LINGER with a zero timeout), as a crashed or hostile peer does.
    public func reset() {
        guard isOpen else { return }
        var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
        setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
        close(fd)
        isOpen = false
    }

    // MARK: - Reading

    /// Reads one response. `head` says the request was HEAD: its response has no body, whatever Content-Length says.
    public func readResponse(head: Bool = false) throws -> RawHTTPResponse {
        var atEnd = false
        while true {
            if let (response, used) = try RawHTTPResponse.parse(buffer, bodyless: head, atEnd: atEnd) {
                buffer.removeFirst(used)
                return response
            }
            if atEnd { throw ClientError.closed }
            atEnd = try !fill()
        }
    }

    /// The text of the next response head, up to and including its blank line; what arrived when the peer closes
    /// or the read times out first (the caller's assertion judges it).
    public func readHeadText() -> String {
        while buffer.firstRange(of: [13, 10, 13, 10]) == nil, (try? fill()) == true {}
        let end = buffer.firstRange(of: [13, 10, 13, 10])?.upperBound ?? buffer.count
        defer { buffer.removeFirst(end) }
        return String(decoding: buffer[..<end], as: UTF8.self)
    }

    /// Everything until the peer closes; a reset or the read timeout also ends it (the caller's assertion judges
    /// what arrived).
    public func readUntilClosed() -> [UInt8] {
        while (try? fill()) == true {}
        defer { buffer = [] }
        return buffer
    }

    /// `readUntilClosed()` as UTF-8 text.
    public func readTextUntilClosed() -> String { String(decoding: readUntilClosed(), as: UTF8.self) }

    /// Whether the server closed the connection (EOF) with nothing more sent; waits up to the read timeout.
    public func isClosedByPeer() -> Bool {
        guard buffer.isEmpty else { return false }
        return (try? fill()) == false
    }

    /// Whether bytes (or EOF) are waiting to be read, without blocking.
    public func hasInput() -> Bool {
        guard buffer.isEmpty else { return true }
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, 0) > 0
    }

    /// Reads more bytes into the buffer; false on EOF. Throws on timeout or error (a reset counts as EOF).
    @discardableResult
    private func fill() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if n > 0 {
            buffer.append(contentsOf: chunk[0..<n])
            return true
        }
        if n == 0 { return false }
        let error = errno
        if error == EAGAIN || error == EWOULDBLOCK { throw ClientError.timedOut }
        if error == ECONNRESET { return false }
        throw ClientError.system("recv", error)
    }
}
