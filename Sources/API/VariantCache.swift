import Server

/// Link variants per forwarded base, built on first use. Bounded: a misconfigured proxy sending ever-changing hosts
/// gets the standard (relative) links after `maxVariants` rather than unbounded memory.
final class VariantCache: Sendable {
    static let maxVariants = 8
    private let variants = Locked<[String: LinkVariant]>([:])

    /// How many bases have a variant.
    var count: Int { variants.withLock { $0.count } }

    func variant(for base: String, build: () -> LinkVariant?) -> LinkVariant? {
        if let existing = variants.withLock({ $0[base] }) { return existing }
        guard variants.withLock({ $0.count }) < VariantCache.maxVariants, let built = build() else { return nil }
        // Two loops may build the same base at once; the first stored wins and both serve equal bytes.
        return variants.withLock { v in
            if let existing = v[base] { return existing }
            v[base] = built
            return built
        }
    }
}
