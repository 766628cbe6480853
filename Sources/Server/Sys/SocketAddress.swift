import CSystem
import Glibc

/// An IPv4 or IPv6 socket address, kept as `sockaddr_storage` so it can be handed to bind/accept as is.
public struct SocketAddress: @unchecked Sendable {
    // @unchecked: sockaddr_storage is a plain C value type with no pointers.
    var storage = sockaddr_storage()
    var length: socklen_t = 0

    public var family: Int32 { Int32(storage.ss_family) }

    /// Parses a numeric host (`0.0.0.0`, `127.0.0.1`, `::`, `::1`, `[::1]`) and a port. Host names are not resolved:
    /// a server binds to addresses, and resolving at startup would hide which one it picked.
    public init?(host: String, port: Int) {
        guard (0...65_535).contains(port), let address = IPAddress(host == "localhost" ? "127.0.0.1" : host) else {
            return nil
        }
        switch address {
        case .v4(let v4):
            var sin = sockaddr_in()
            sin.sin_family = sa_family_t(AF_INET)
            sin.sin_port = in_port_t(UInt16(port).bigEndian)
            sin.sin_addr = v4
            withUnsafeMutableBytes(of: &storage) { dst in
                withUnsafeBytes(of: sin) { dst.copyMemory(from: $0) }
            }
            length = socklen_t(MemoryLayout<sockaddr_in>.size)
        case .v6(let v6):
            var sin6 = sockaddr_in6()
            sin6.sin6_family = sa_family_t(AF_INET6)
            sin6.sin6_port = in_port_t(UInt16(port).bigEndian)
            sin6.sin6_addr = v6
            withUnsafeMutableBytes(of: &storage) { dst in
                withUnsafeBytes(of: sin6) { dst.copyMemory(from: $0) }
            }
            length = socklen_t(MemoryLayout<sockaddr_in6>.size)
        }
    }

    init(storage: sockaddr_storage, length: socklen_t) {
        self.storage = storage
        self.length = length
    }

    /// The address as the `sockaddr` pointer and length that bind and connect take.
    public func withSockaddr<R>(_ body: (UnsafePointer<sockaddr>, socklen_t) -> R) -> R {
        withUnsafePointer(to: storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, length) }
        }
    }

    var port: Int {
        withUnsafeBytes(of: storage) { raw in
            switch family {
            case AF_INET: Int(UInt16(bigEndian: raw.load(as: sockaddr_in.self).sin_port))
            case AF_INET6: Int(UInt16(bigEndian: raw.load(as: sockaddr_in6.self).sin6_port))
            default: 0
            }
        }
    }

    /// The numeric host: `127.0.0.1` or `::1`.
    var host: String {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        withUnsafeBytes(of: storage) { raw in
            switch family {
            case AF_INET:
                var a = raw.load(as: sockaddr_in.self).sin_addr
                _ = inet_ntop(AF_INET, &a, &buffer, socklen_t(buffer.count))
            case AF_INET6:
                var a = raw.load(as: sockaddr_in6.self).sin6_addr
                _ = inet_ntop(AF_INET6, &a, &buffer, socklen_t(buffer.count))
            default:
                break
            }
        }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `127.0.0.1:8080` or `[::1]:8080`, as written in URLs and logs; `unix` for a Unix-socket peer.
    var description: String {
        switch family {
        case AF_INET6: "[\(host)]:\(port)"
        case AF_UNIX: "unix"
        default: "\(host):\(port)"
        }
    }
}
