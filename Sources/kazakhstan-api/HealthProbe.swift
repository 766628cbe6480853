import Glibc
import Server

/// A minimal blocking HTTP/1.1 GET for the container's HEALTHCHECK (`kazakhstan-api healthcheck`), so the image
/// needs no curl. It speaks to loopback or a numeric address only, with a timeout on every step.
enum HealthProbe {
    enum Target: Sendable, Equatable {
        case tcp(host: String, port: Int, path: String)
        case unix(path: String, requestPath: String)
    }

    /// Parses `http://127.0.0.1:8080/healthz`, `http://[::1]:8080/healthz`, `http://localhost:8080/healthz` or
    /// `unix:/run/api.sock` (then `/healthz` is asked). nil when it is none of these.
    static func parse(_ url: String) -> Target? {
        if url.hasPrefix("unix:") {
            let path = String(url.dropFirst(5))
            return path.isEmpty ? nil : .unix(path: path, requestPath: "/healthz")
        }
        guard url.hasPrefix("http://") else { return nil }
        let rest = url.dropFirst(7)
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        let authority = rest[..<slash]
        let path = slash == rest.endIndex ? "/" : String(rest[slash...])
        var host: Substring
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") { portText = after.dropFirst() } else if !after.isEmpty { return nil }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
        } else {
            host = authority
        }
        let port = portText.map { Int($0) } ?? 80
        guard let port, (1...65_535).contains(port), !host.isEmpty, SocketAddress(host: String(host), port: port) != nil
        else { return nil }
        return .tcp(host: String(host), port: port, path: path)
    }

    /// The status code of `GET`, or an error message.
    static func status(of target: Target, timeoutSeconds: Int = 5) -> Result<Int, SystemError> {
        let fd: Int32
        var host = "localhost"
        let path: String
        switch target {
        case .tcp(let h, let port, let p):
            guard let address = SocketAddress(host: h, port: port) else {
                return .failure(SystemError("address \(h)", errno: EINVAL))
            }
            host = h.contains(":") ? "[\(h)]:\(port)" : "\(h):\(port)"
            path = p
            fd = socket(address.family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            guard fd >= 0 else { return .failure(SystemError("socket")) }
            setTimeouts(fd, timeoutSeconds)
            let rc = address.withSockaddr { connect(fd, $0, $1) }
            guard rc == 0 else {
                defer { close(fd) }
                return .failure(SystemError("connect \(host)"))
            }
        case .unix(let socketPath, let p):
            path = p
            fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            guard fd >= 0 else { return .failure(SystemError("socket")) }
            setTimeouts(fd, timeoutSeconds)
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            guard socketPath.utf8.count < MemoryLayout.size(ofValue: address.sun_path) else {
                close(fd)
                return .failure(SystemError("unix socket path too long", errno: ENAMETOOLONG))
            }
            withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: socketPath.utf8) }
            let rc = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
                }
            }
            guard rc == 0 else {
                defer { close(fd) }
                return .failure(SystemError("connect \(socketPath)"))
            }
        }
        defer { close(fd) }
        let request = Array(
            "GET \(path) HTTP/1.1\r\nHost: \(host)\r\nUser-Agent: kazakhstan-api-healthcheck\r\nConnection: close\r\n\r\n"
                .utf8)
        let sent = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        guard sent == request.count else { return .failure(SystemError("send")) }
        // The status line is all we need: "HTTP/1.1 200 OK".
        var buffer = [UInt8](repeating: 0, count: 64)
        var received = 0
        while received < 12 {
            let n = buffer[received...].withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { return .failure(SystemError("recv", errno: n == 0 ? ECONNRESET : errno)) }
            received += n
        }
        let line = buffer[0..<received]
        guard line.starts(with: "HTTP/1.".utf8), let code = Int(String(decoding: line[9..<12], as: UTF8.self)) else {
            return .failure(SystemError("not an HTTP response", errno: EPROTO))
        }
        return .success(code)
    }

    private static func setTimeouts(_ fd: Int32, _ seconds: Int) {
        var tv = timeval(tv_sec: seconds, tv_usec: 0)
        // On Linux SO_SNDTIMEO also bounds connect().
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
    }
}
