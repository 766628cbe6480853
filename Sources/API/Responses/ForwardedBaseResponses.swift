import Server

/// Answers for the bases trusted proxies forward (`X-Forwarded-Host` / `-Proto` / `-Prefix`): the standard answers
/// with their links rebased (`RouteResult.rebased(onto:)`), computed on first request and cached per base. No
/// catalog is built for a base, so nothing heavy ever runs on an event loop for a new one. Bounded: a misconfigured
/// proxy sending ever-changing hosts gets the standard (relative) links after `maxBases` rather than unbounded
/// memory.
final class ForwardedBaseResponses: Sendable {
    static let maxBases = 8
    private let caches = Locked<[String: ResponseCache]>([:])

    /// How many bases have answers.
    var count: Int { caches.withLock { $0.count } }

    /// The cache of `base`'s answers, made on first use; nil once `maxBases` others have one.
    func cache(for base: String) -> ResponseCache? {
        caches.withLock { caches in
            if let existing = caches[base] { return existing }
            guard caches.count < ForwardedBaseResponses.maxBases else { return nil }
            let cache = ResponseCache()
            caches[base] = cache
            return cache
        }
    }
}
