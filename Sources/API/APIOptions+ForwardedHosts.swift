import Server

extension APIOptions {
    /// `--forwarded-hosts`: a comma-separated list of `host` or `host:port` (a name, an IPv4 address or a bracketed
    /// IPv6 address), lowercased. A message naming the first bad entry otherwise (the executable exits 2 with it).
    public static func parseForwardedHosts(_ text: String) -> Result<[String], ForwardedHostsError> {
        var hosts: [String] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let entry = String(item.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()).lowercased()
            if let problem = hostEntryProblem(entry) {
                return .failure(ForwardedHostsError(message: "'\(item)' \(problem)"))
            }
            hosts.append(entry)
        }
        return .success(hosts)
    }

    public struct ForwardedHostsError: Error, Equatable {
        public let message: String
    }

    /// nil for `api.example.com`, `api.example.com:8443`, `127.0.0.1:8080`, `[2001:db8::1]:443`; else why not.
    static func hostEntryProblem(_ entry: String) -> String? {
        let expected = "is not a host or host:port (e.g. api.example.com, api.example.com:8443, [2001:db8::1]:443)"
        guard !entry.isEmpty, !entry.contains("/"), !entry.contains("@"), !entry.contains("*") else { return expected }
        var host = Substring(entry)
        var port: Substring?
        if entry.hasPrefix("[") {
            guard let close = entry.firstIndex(of: "]") else { return expected }
            host = entry[...close]
            let rest = entry[entry.index(after: close)...]
            if !rest.isEmpty {
                guard rest.hasPrefix(":") else { return expected }
                port = rest.dropFirst()
            }
            guard IPAddress(String(host)) != nil else { return "has no valid IPv6 address between its brackets" }
        } else {
            let parts = entry.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count <= 2 else { return expected + "; put an IPv6 address in brackets" }
            host = parts[0]
            port = parts.count == 2 ? parts[1] : nil
            guard isHostName(host) else { return expected }
        }
        if let port {
            guard !port.isEmpty, port.count <= 5, port.allSatisfy(\.isASCIIDigit), let n = Int(port),
                (1...65_535).contains(n)
            else { return "has no valid port (1 to 65535)" }
        }
        return nil
    }

    /// DNS labels of letters, digits and inner hyphens (RFC 1123 §2.1), or a dotted IPv4 address.
    private static func isHostName(_ host: Substring) -> Bool {
        guard !host.isEmpty, host.utf8.count <= 253 else { return false }
        return host.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
            !label.isEmpty && label.utf8.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.allSatisfy { $0.isASCIIDigit || ("a"..."z").contains($0) || $0 == "-" }
        }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
