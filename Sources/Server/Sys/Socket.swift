import CSystem
import Glibc

/// Thin wrappers over the socket calls the engine makes. Every function returns or throws; none hides errno.
enum Socket {
    /// A non-blocking listening socket. `reusePort` lets every event loop own a listener on the same port,
    /// and the kernel spreads incoming connections over them (SO_REUSEPORT, Linux ≥ 3.9).
    static func listen(on address: SocketAddress, reusePort: Bool, backlog: Int32) throws(SystemError) -> Int32 {
        let fd = Glibc.socket(
            address.family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue),
            0)
        guard fd >= 0 else { throw SystemError("socket") }
        do throws(SystemError) {
            try setOption(fd, SOL_SOCKET, SO_REUSEADDR, 1)
            if reusePort { try setOption(fd, SOL_SOCKET, SO_REUSEPORT, 1) }
            // Accept a connection only when its first request bytes arrive (HTTP clients speak first): no wake-up for
            // a bare handshake, and the first read after accept finds data. Connections that send nothing for the
            // timeout are still accepted then, so the header timeout applies to them as to any other.
            try setOption(fd, Int32(IPPROTO_TCP), TCP_DEFER_ACCEPT, 1)
            if address.family == AF_INET6 {
                // `::` should accept IPv4 too (dual stack), whatever the host's bindv6only default is.
                try setOption(fd, Int32(IPPROTO_IPV6), IPV6_V6ONLY, 0)
            }
            let rc = address.withSockaddr { Glibc.bind(fd, $0, $1) }
            guard rc == 0 else { throw SystemError("bind \(address.description)") }
            guard Glibc.listen(fd, backlog) == 0 else { throw SystemError("listen") }
        } catch {
            Glibc.close(fd)
            throw error
        }
        return fd
    }

    /// SO_REUSEPORT would let us bind a port another process already serves, silently sharing its traffic.
    /// A bind without it fails with EADDRINUSE if anyone listens there, so probe once before the real listeners.
    static func ensureAvailable(_ address: SocketAddress) throws(SystemError) {
        let fd = try listen(on: address, reusePort: false, backlog: 1)
        Glibc.close(fd)
    }

    /// A non-blocking Unix stream socket at `path`. A stale socket file left by a crashed process is replaced, but a
    /// live one (something accepts on it) or any other kind of file is an error, never silently removed.
    static func listenUnix(path: String, mode: UInt32, backlog: Int32) throws(SystemError) -> Int32 {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard path.utf8.count < capacity else {
            throw SystemError("unix socket path longer than \(capacity - 1) bytes", errno: ENAMETOOLONG)
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: path.utf8)
        }
        var info = stat()
        if lstat(path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFSOCK else {
                throw SystemError("\(path) exists and is not a socket", errno: EEXIST)
            }
            if isLive(&address) { throw SystemError("\(path): another server accepts on it", errno: EADDRINUSE) }
            unlink(path)
        }
        let fd = Glibc.socket(
            AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw SystemError("socket(AF_UNIX)") }
        let rc = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard rc == 0 else {
            let e = SystemError("bind \(path)")
            Glibc.close(fd)
            throw e
        }
        guard chmod(path, mode_t(mode)) == 0, Glibc.listen(fd, backlog) == 0 else {
            let e = SystemError("listen \(path)")
            Glibc.close(fd)
            unlink(path)
            throw e
        }
        return fd
    }

    private static func isLive(_ address: inout sockaddr_un) -> Bool {
        let probe = Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard probe >= 0 else { return false }
        defer { Glibc.close(probe) }
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(probe, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) == 0
            }
        }
    }

    static func setOption(_ fd: Int32, _ level: Int32, _ name: Int32, _ value: Int32) throws(SystemError) {
        var v = value
        guard setsockopt(fd, level, name, &v, socklen_t(MemoryLayout<Int32>.size)) == 0 else {
            throw SystemError("setsockopt(\(name))")
        }
    }

    static func localAddress(_ fd: Int32) throws(SystemError) -> SocketAddress {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let rc = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard rc == 0 else { throw SystemError("getsockname") }
        return SocketAddress(storage: storage, length: length)
    }

    enum AcceptResult {
        case accepted(Int32, SocketAddress)
        case wouldBlock
        /// Out of descriptors or kernel memory: the caller backs off instead of spinning on a listener that stays readable.
        case exhausted(Int32)
        case failed(Int32)
    }

    /// accept4 with SOCK_NONBLOCK|SOCK_CLOEXEC in one call, so no other thread can fork/exec with the fd inherited.
    static func accept(_ listener: Int32) -> AcceptResult {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let fd = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                csystem_accept4(listener, $0, &length, Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue))
            }
        }
        if fd >= 0 { return .accepted(fd, SocketAddress(storage: storage, length: length)) }
        let e = errno
        switch e {
        case EAGAIN, EWOULDBLOCK, EINTR, ECONNABORTED, EPROTO: return .wouldBlock
        case EMFILE, ENFILE, ENOBUFS, ENOMEM: return .exhausted(e)
        default: return .failed(e)
        }
    }

    /// Sets TCP_NODELAY: responses are written whole in one writev, so Nagle would only add latency.
    static func configureAccepted(_ fd: Int32) {
        var one: Int32 = 1
        _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
    }
}
