/// What a trusted reverse proxy says about the original request: the client's address, and the scheme, host and
/// path prefix the client used (RFC 7239 `Forwarded`, or the de-facto `X-Forwarded-*` fields).
/// Only read from peers in `--trusted-proxies`: from anyone else these fields are client-controlled lies.
public struct Forwarded: Sendable, Equatable {
    public var client: String?
    public var proto: String?
    public var host: String?
    public var prefix: String?

    public init(client: String? = nil, proto: String? = nil, host: String? = nil, prefix: String? = nil) {
        self.client = client
        self.proto = proto
        self.host = host
        self.prefix = prefix
    }

    /// Reads the fields from a request that came from a trusted proxy. The client is the rightmost address not
    /// itself a trusted proxy (each proxy appends the address it saw, so entries further left are unverifiable).
    /// `Forwarded` wins over `X-Forwarded-*` when both are present. Malformed values are ignored, never passed on.
    static func read(_ headers: Headers, trusted: [CIDR]) -> Forwarded {
        var result = Forwarded()
        let forwarded = headers.listElements(for: .forwarded).map(parsePairs)
        if !forwarded.isEmpty {
            result.client = rightmostUntrusted(forwarded.compactMap { $0["for"] }.map(stripPort), trusted: trusted)
            if let proto = forwarded.last?["proto"] { result.proto = proto }
            if let host = forwarded.last?["host"] { result.host = host }
        } else {
            let chain = headers.listElements(for: .xForwardedFor).map { stripPort(String($0)) }
            result.client = rightmostUntrusted(chain, trusted: trusted)
            result.proto = headers.values(for: .xForwardedProto).last.map { String(Substring($0).trimmingOWS()) }
            result.host = headers.values(for: .xForwardedHost).last.flatMap {
                $0.split(separator: ",").last.map { String($0.trimmingOWS()) }
            }
        }
        result.prefix = headers.values(for: .xForwardedPrefix).last.map { String(Substring($0).trimmingOWS()) }
        result.client = result.client.flatMap { IPAddress($0) != nil ? $0 : nil }
        result.proto = result.proto.map { $0.lowercased() }.flatMap { $0 == "http" || $0 == "https" ? $0 : nil }
        result.host = result.host.flatMap(isValidHost)
        result.prefix = result.prefix.flatMap(normalizedPrefix)
        return result
    }

    /// `for=192.0.2.60;proto=https;host="example.com"` → ["for": "192.0.2.60", …] (RFC 7239 §4), keys lowercased.
    static func parsePairs(_ element: Substring) -> [String: String] {
        var pairs: [String: String] = [:]
        for pair in element.split(separator: ";") {
            let kv = pair.split(separator: "=", maxSplits: 1)
            guard kv.count == 2 else { continue }
            var value = kv[1].trimmingOWS()
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = value.dropFirst().dropLast() }
            pairs[kv[0].trimmingOWS().lowercased()] = String(value)
        }
        return pairs
    }

    /// `192.0.2.60:4711` → `192.0.2.60`; `[2001:db8::1]:4711` → `2001:db8::1`; a bare IPv6 address stays whole.
    static func stripPort(_ s: String) -> String {
        if s.hasPrefix("["), let close = s.firstIndex(of: "]") {
            return String(s[s.index(after: s.startIndex)..<close])
        }
        if s.filter({ $0 == ":" }).count == 1, let colon = s.firstIndex(of: ":") { return String(s[..<colon]) }
        return s
    }

    static func rightmostUntrusted(_ chain: [String], trusted: [CIDR]) -> String? {
        for address in chain.reversed() where !trusted.contains(where: { $0.contains(address) }) {
            return address
        }
        return chain.first
    }

    /// A host, optionally with a port: letters, digits, `.-:[]` only, so it can go into a URL as is.
    static func isValidHost(_ s: String) -> String? {
        guard !s.isEmpty, s.utf8.count <= 255,
            s.utf8.allSatisfy({
                ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A)
                    || ".-:[]".utf8.contains($0)
            })
        else { return nil }
        return s.lowercased()
    }

    /// `/api/` → `/api`; `/` → `` (no prefix). It must start with `/` and hold only unreserved path characters.
    static func normalizedPrefix(_ s: String) -> String? {
        guard s.hasPrefix("/"), s.utf8.count <= 256, !s.contains("//"),
            s.utf8.allSatisfy({
                ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A)
                    || "/-._~".utf8.contains($0)
            })
        else { return nil }
        var p = s
        while p.hasSuffix("/") { p.removeLast() }
        return p
    }
}
