import Server

/// Which link bases a trusted proxy's fields may ask for, and how many of them get answers of their own.
///
/// Links follow only what the operator allowed. A forwarded host counts only when it is on `--forwarded-hosts`
/// (and then the forwarded scheme with it); any other host is ignored, as if none were sent, so links stay relative
/// under the forwarded prefix. With no allow-list no host is ever used: a proxy that passes the client's `Host` on
/// cannot let clients choose where links point. The prefix comes from the proxy's own configuration.
///
/// Bases are still capped: the first `capacity` distinct bases to ask get their answers rebased (and cached, within
/// the one `ResponseCache` budget); a base beyond the cap gets the configured links. Hosts outside the list never
/// make a base of their own, so a client that can set only `Host` (or `Forwarded: host=`) cannot take one.
final class ForwardedBases: Sendable {
    /// Lowercased `host` or `host:port` entries, compared with the forwarded host as the proxy sends it.
    let allowedHosts: Set<String>
    /// Room for every allowed host with both schemes under two prefixes, and the host-less bases, with room to spare.
    let capacity: Int
    private let admitted = Locked<Set<String>>([])

    init(allowedHosts: [String]) {
        self.allowedHosts = Set(allowedHosts.map { $0.lowercased() })
        capacity = 16 + 4 * self.allowedHosts.count
    }

    /// How many bases have been admitted.
    var count: Int { admitted.withLock { $0.count } }

    /// The base the fields ask links to be under (`https://host/prefix`, or just `/prefix`); nil when they ask for
    /// none. Cheap: it runs on every forwarded request.
    func base(for header: Forwarded) -> String? {
        var base = ""
        if let host = header.host, !allowedHosts.isEmpty, allowedHosts.contains(host) {
            base = "\(header.proto ?? "http")://\(host)"
        }
        base += header.prefix ?? ""
        return base.isEmpty ? nil : base
    }

    /// Whether `base` gets answers of its own: true once admitted, and for a new base while there is room.
    func admit(_ base: String) -> Bool {
        admitted.withLock { set in
            if set.contains(base) { return true }
            guard set.count < capacity else { return false }
            set.insert(base)
            return true
        }
    }
}
