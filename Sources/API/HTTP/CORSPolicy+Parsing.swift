/// Reading `--cors-origins`.
extension CORSPolicy {
    /// `*` allows any origin; otherwise a comma-separated list of serialized origins (Fetch / RFC 6454 §6.2):
    /// `scheme://host[:port]` with scheme http or https, no userinfo, path, query, fragment or trailing slash.
    ///
    /// Scheme and host are lowercased and a default port (80 for http, 443 for https) is dropped, because a
    /// browser's `Origin` is always serialized that way: `https://Example.com:443` is kept as
    /// `https://example.com` instead of never matching. Whitespace around entries is ignored; a repeated
    /// origin is kept once. Anything else — an empty list or entry, `*` beside origins, a wildcard
    /// subdomain, a path — is refused with a message naming the entry, so a typo fails at start-up instead
    /// of silently blocking a front end.
    static func parse(_ text: String) -> Result<CORSPolicy, CORSConfigurationError> {
        let whole = Substring(text).trimmingOWS()
        if whole.isEmpty {
            return .failure(
                CORSConfigurationError(
                    message:
                        "--cors-origins is empty: give * or a comma-separated list of origins such as https://example.com"
                ))
        }
        if whole == "*" { return .success(CORSPolicy(origins: .any)) }

        var origins: [String] = []
        for rawEntry in whole.split(separator: ",", omittingEmptySubsequences: false) {
            let entry = rawEntry.trimmingOWS()
            switch serializedOrigin(entry) {
            case .success(let origin):
                if !origins.contains(origin) { origins.append(origin) }
            case .failure(let error):
                return .failure(error)
            }
        }
        return .success(CORSPolicy(origins: .list(origins)))
    }

    private static func serializedOrigin(_ entry: Substring) -> Result<String, CORSConfigurationError> {
        func refuse(_ why: String) -> Result<String, CORSConfigurationError> {
            .failure(CORSConfigurationError(message: "--cors-origins: '\(entry)' \(why)"))
        }
        if entry.isEmpty {
            return .failure(
                CORSConfigurationError(
                    message:
                        "--cors-origins has an empty entry (a doubled or trailing comma?)"))
        }
        if entry == "*" { return refuse("cannot be combined with other origins: give * alone, or only origins") }
        guard entry.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 0x20 && $0.value != 0x7F }) else {
            return refuse(
                "is not an origin: it has spaces, control or non-ASCII characters (write an internationalized host in its xn-- form)"
            )
        }
        guard let separator = entry.firstRange(of: "://") else {
            return refuse("is not an origin: it needs a scheme, as in https://example.com")
        }
        let scheme = entry[..<separator.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else {
            return refuse("has scheme '\(entry[..<separator.lowerBound])'; an allowed origin is http or https")
        }
        let authority = entry[separator.upperBound...]
        if let end = authority.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) {
            if authority[end...] == "/" {
                return refuse(
                    "has a trailing slash; an origin has none, as in \(scheme)://\(authority[..<end].lowercased())")
            }
            return refuse("has a path, query or fragment; an origin is only scheme://host[:port]")
        }
        if authority.contains("@") { return refuse("has user information; an origin is only scheme://host[:port]") }
        if authority.contains("*") {
            return refuse("has a wildcard; wildcard subdomains are not supported, list each origin (or give * alone)")
        }

        let host: Substring
        let portText: Substring?
        switch splitAuthority(authority) {
        case .failure(let refusal): return refuse(refusal.reason)
        case .success(let parts): (host, portText) = parts
        }

        var origin = scheme + "://" + host.lowercased()
        if let portText {
            guard !portText.isEmpty, portText.count <= 5, portText.allSatisfy({ $0.isASCII && $0.isNumber }),
                let port = Int(portText), port >= 1, port <= 65_535
            else {
                return refuse("has an invalid port '\(portText)'; a port is 1 to 65535")
            }
            let isDefault = (scheme == "http" && port == 80) || (scheme == "https" && port == 443)
            if !isDefault { origin += ":\(port)" }
        }
        return .success(origin)
    }

    /// Why an entry is not an origin, completing "--cors-origins: '<entry>' …".
    private struct Refusal: Error {
        let reason: String
    }

    /// host [ ":" port ], where an IPv6 host is in brackets (RFC 3986 §3.2.2).
    private static func splitAuthority(_ authority: Substring) -> Result<(host: Substring, port: Substring?), Refusal> {
        let host: Substring
        let portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else {
                return .failure(Refusal(reason: "has an unclosed IPv6 bracket"))
            }
            host = authority[...close]
            let rest = authority[authority.index(after: close)...]
            if rest.isEmpty {
                portText = nil
            } else if rest.hasPrefix(":") {
                portText = rest.dropFirst()
            } else {
                return .failure(Refusal(reason: "has characters after the IPv6 address"))
            }
            let inside = host.dropFirst().dropLast()
            guard !inside.isEmpty, inside.contains(":"),
                inside.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." })
            else {
                return .failure(Refusal(reason: "has an invalid IPv6 address"))
            }
        } else {
            if let colon = authority.firstIndex(of: ":") {
                host = authority[..<colon]
                portText = authority[authority.index(after: colon)...]
            } else {
                host = authority
                portText = nil
            }
            guard !host.isEmpty else { return .failure(Refusal(reason: "has no host")) }
            // reg-name labels (RFC 1123 §2.1): letters, digits and inner hyphens; IPv4 fits this too.
            for label in host.split(separator: ".", omittingEmptySubsequences: false) {
                guard !label.isEmpty, label.first != "-", label.last != "-",
                    label.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" })
                else {
                    return .failure(Refusal(reason: "has an invalid host '\(host)'"))
                }
            }
        }
        return .success((host, portText))
    }
}
