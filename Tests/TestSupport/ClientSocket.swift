import Glibc

/// Opens connected stream sockets for test clients. Written against Glibc alone, not the Server module's own socket
/// layer, so the engine's tests speak to it through code it does not share.
enum ClientSocket {
    /// A TCP connection to a numeric IPv4 or IPv6 address (`127.0.0.1`, `::1`).
    static func connect(host: String, port: Int) throws -> Int32 {
        var v4 = sockaddr_in()
        if inet_pton(AF_INET, host, &v4.sin_addr) == 1 {
            v4.sin_family = sa_family_t(AF_INET)
            v4.sin_port = in_port_t(UInt16(truncatingIfNeeded: port).bigEndian)
            return try connect(family: AF_INET, address: &v4)
        }
        var v6 = sockaddr_in6()
        if inet_pton(AF_INET6, host, &v6.sin6_addr) == 1 {
            v6.sin6_family = sa_family_t(AF_INET6)
            v6.sin6_port = in_port_t(UInt16(truncatingIfNeeded: port).bigEndian)
            return try connect(family: AF_INET6, address: &v6)
        }
        throw RawHTTPClient.ClientError.badAddress
    }

    /// A connection to a Unix-domain stream socket at `path`.
    static func connect(unixPath path: String) throws -> Int32 {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        // sun_path is a fixed array: a longer path (with its NUL) cannot be expressed.
        guard path.utf8.count < MemoryLayout.size(ofValue: address.sun_path) else {
            throw RawHTTPClient.ClientError.badAddress
        }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: path.utf8) }
        return try connect(family: AF_UNIX, address: &address)
    }

    /// socket(2) then connect(2); the descriptor is closed again when connecting fails. CLOEXEC keeps test sockets
    /// out of the server processes the end-to-end tests spawn.
    private static func connect<Address>(family: Int32, address: inout Address) throws -> Int32 {
        let fd = socket(family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw RawHTTPClient.ClientError.system("socket", errno) }
        let rc = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<Address>.size))
            }
        }
        guard rc == 0 else {
            let error = errno
            close(fd)
            throw RawHTTPClient.ClientError.system("connect", error)
        }
        return fd
    }
}
