import Glibc

/// A numeric IPv4 or IPv6 address, and the one place text becomes one (inet_pton): listen addresses, trusted-proxy
/// networks, forwarded client addresses and the executable's `--host` check all parse here. Host names are never
/// resolved: a server binds to addresses, and a forwarded name proves nothing.
public enum IPAddress: Sendable {
    case v4(in_addr)
    case v6(in6_addr)

    /// `127.0.0.1`, `::1`, or `[::1]` (the brackets URLs and Host put around IPv6, RFC 3986 §3.2.2). nil otherwise.
    public init?(_ text: String) {
        var host = text
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        var v4 = in_addr()
        if inet_pton(AF_INET, host, &v4) == 1 {
            self = .v4(v4)
            return
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, host, &v6) == 1 {
            self = .v6(v6)
            return
        }
        return nil
    }

    /// 16 bytes, IPv4 as IPv4-mapped IPv6 (RFC 4291 §2.5.5.2), so one comparison covers both families.
    var mappedBytes: [UInt8] {
        switch self {
        case .v4(let a): [UInt8](repeating: 0, count: 10) + [0xFF, 0xFF] + withUnsafeBytes(of: a) { Array($0) }
        case .v6(let a): withUnsafeBytes(of: a) { Array($0) }
        }
    }
}
