/// `Cache-Control` values the API sends (RFC 9111 §5.2.2).
enum CacheControl {
    static let name = "Cache-Control"

    /// For what must never be stored: liveness, errors that depend on the moment.
    static let noStore = "no-store"

    /// `public, max-age=N`: any cache may keep the response for `seconds` — the data is immutable while a
    /// process runs, and ETag revalidation covers a redeploy. A negative age is sent as 0 (RFC 9111 §1.2.2:
    /// delta-seconds is a non-negative integer).
    static func publicMaxAge(_ seconds: Int) -> String {
        "public, max-age=\(max(0, seconds))"
    }
}
