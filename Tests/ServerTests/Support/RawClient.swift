import Glibc

@testable import Server

/// A blocking loopback TCP client that speaks raw bytes, so tests control exactly what goes on the wire.
/// Every read has a timeout: a server bug shows up as a failed test, never a hung suite.
final class RawClient {
    let fd: Int32
    private var buffer: [UInt8] = []

    init(port: Int, host: String = "127.0.0.1", readTimeoutSeconds: Int = 5) throws {
        guard let address = SocketAddress(host: host, port: port) else { throw ClientError.badAddress }
        fd = socket(address.family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw ClientError.system("socket", errno) }
        var tv = timeval(tv_sec: readTimeoutSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var addr = address
        let rc = withUnsafePointer(to: &addr.storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, addr.length) }
        }
        guard rc == 0 else {
            let e = errno
            close(fd)
            throw ClientError.system("connect", e)
        }
    }

    /// A client of a Unix-socket listener.
    init(unixPath: String, readTimeoutSeconds: Int = 5) throws {
        fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw ClientError.system("socket", errno) }
        var tv = timeval(tv_sec: readTimeoutSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: unixPath.utf8) }
        let rc = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard rc == 0 else {
            let e = errno
            close(fd)
            throw ClientError.system("connect", e)
        }
    }

    deinit { close(fd) }

    enum ClientError: Error {
        case badAddress
        case system(String, Int32)
        case timedOut, closed
        case malformed(String)
    }

    func send(_ text: String) throws { try send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n < 0 { throw ClientError.system("send", errno) }
            offset += n
        }
    }

    func shutdownWrite() { Glibc.shutdown(fd, Int32(SHUT_WR)) }

    /// Reads more bytes into the buffer; false on EOF. Throws on timeout or error (a reset counts as EOF).
    @discardableResult
    func fill() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if n > 0 {
            buffer.append(contentsOf: chunk[0..<n])
            return true
        }
        if n == 0 { return false }
        let e = errno
        if e == EAGAIN || e == EWOULDBLOCK { throw ClientError.timedOut }
        if e == ECONNRESET { return false }
        throw ClientError.system("recv", e)
    }

    /// Reads one response. `head` skips the body (a HEAD request's response has none, whatever Content-Length says).
    func readResponse(head: Bool = false) throws -> ParsedResponse {
        while true {
            if let (response, used) = try ParsedResponse.parse(buffer, bodyless: head) {
                buffer.removeFirst(used)
                return response
            }
            guard try fill() else { throw ClientError.closed }
        }
    }

    /// Whether the server closed the connection (EOF) with nothing more sent; waits up to the read timeout.
    func isClosedByPeer() -> Bool {
        guard buffer.isEmpty else { return false }
        return (try? fill()) == false
    }

    /// Everything until EOF.
    func readToEnd() throws -> [UInt8] {
        while try fill() {}
        defer { buffer = [] }
        return buffer
    }
}

/// A response as a test sees it.
struct ParsedResponse {
    var status: Int
    var reason: String
    var headers: [(String, String)]
    var body: [UInt8]

    func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }

    func headers(named name: String) -> [String] {
        headers.filter { $0.0.lowercased() == name.lowercased() }.map(\.1)
    }

    var bodyText: String { String(decoding: body, as: UTF8.self) }

    /// Parses one response from the front of `bytes`; nil when incomplete.
    static func parse(_ bytes: [UInt8], bodyless: Bool) throws -> (ParsedResponse, Int)? {
        guard let end = bytes.firstRange(of: [13, 10, 13, 10]) else { return nil }
        let headText = String(decoding: bytes[..<end.lowerBound], as: UTF8.self)
        var lines = headText.split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init)
        let statusLine = lines.removeFirst()
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0] == "HTTP/1.1", let status = Int(parts[1]) else {
            throw RawClient.ClientError.malformed(statusLine)
        }
        let headers = lines.map { line -> (String, String) in
            let kv = line.split(separator: ":", maxSplits: 1)
            return (String(kv[0]), kv.count > 1 ? String(kv[1].drop { $0 == " " }) : "")
        }
        var response = ParsedResponse(
            status: status, reason: parts.count > 2 ? String(parts[2]) : "", headers: headers, body: [])
        let bodyStart = end.upperBound
        let length =
            (bodyless || status < 200 || status == 204 || status == 304)
            ? 0 : Int(response.header("Content-Length") ?? "0") ?? 0
        guard bytes.count - bodyStart >= length else { return nil }
        response.body = Array(bytes[bodyStart..<(bodyStart + length)])
        return (response, bodyStart + length)
    }
}
