/// An IPv4 or IPv6 network (`10.0.0.0/8`, `::1/128`, or a bare address meaning one host), for `--trusted-proxies`.
/// IPv4-mapped IPv6 peers (`::ffff:10.1.2.3`, as a dual-stack listener reports IPv4 clients) match IPv4 networks.
public struct CIDR: Sendable, Equatable, CustomStringConvertible {
    /// 16 bytes; IPv4 networks are stored as IPv4-mapped IPv6.
    let network: [UInt8]
    let prefixLength: Int
    public let description: String

    public init?(_ text: String) {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let address = IPAddress(String(parts[0])) else { return nil }
        let isV4 = if case .v4 = address { true } else { false }
        let maxLength = isV4 ? 32 : 128
        var length = maxLength
        if parts.count == 2 {
            guard !parts[1].isEmpty, parts[1].allSatisfy(\.isASCII), parts[1].allSatisfy(\.isNumber),
                let n = Int(parts[1]), n <= maxLength
            else { return nil }
            length = n
        }
        prefixLength = isV4 ? length + 96 : length
        network = CIDR.masked(address.mappedBytes, prefixLength)
        description = text
    }

    public func contains(_ address: String) -> Bool {
        guard let bytes = IPAddress(address)?.mappedBytes else { return false }
        return CIDR.masked(bytes, prefixLength) == network
    }

    private static func masked(_ bytes: [UInt8], _ length: Int) -> [UInt8] {
        var out = bytes
        for i in 0..<16 {
            let bits = max(0, min(8, length - i * 8))
            out[i] &= bits == 0 ? 0 : UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
        }
        return out
    }
}
