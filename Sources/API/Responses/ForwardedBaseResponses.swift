import Server

/// The responses per forwarded base, built on first use. Bounded: a misconfigured proxy sending ever-changing hosts
/// gets the standard (relative) links after `maxBases` rather than unbounded memory.
final class ForwardedBaseResponses: Sendable {
    static let maxBases = 8
    private let bases = Locked<[String: LinkBaseResponses]>([:])

    /// How many bases have their responses.
    var count: Int { bases.withLock { $0.count } }

    func responses(for base: String, build: () -> LinkBaseResponses?) -> LinkBaseResponses? {
        if let existing = bases.withLock({ $0[base] }) { return existing }
        guard bases.withLock({ $0.count }) < ForwardedBaseResponses.maxBases, let built = build() else { return nil }
        // Two loops may build the same base at once; the first stored wins and both serve equal bytes.
        return bases.withLock { b in
            if let existing = b[base] { return existing }
            b[base] = built
            return built
        }
    }
}
