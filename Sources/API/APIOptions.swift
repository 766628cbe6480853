/// How the API presents itself: where it is published, who may call it from a browser, how long responses may be
/// cached, and what it serves.
public struct APIOptions: Sendable {
    /// Absolute base for every link (`https://api.example.com/v1`); nil keeps links relative.
    public var publicURL: String?
    /// Hosts (`host` or `host:port`, lowercased) a trusted proxy may name for absolute links; any other forwarded
    /// host is ignored. Empty: no forwarded host is ever used (links relative, under a forwarded prefix).
    public var forwardedHosts: [String] = []
    /// The byte budget of every cached response together (`ResponseCache`); 0 disables the cache.
    public var cacheSize: Int = APIOptions.defaultCacheSize
    /// `*`, or a comma-separated list of origins allowed to read responses from a browser.
    public var corsOrigins: String = "*"
    /// `Cache-Control: public, max-age=` for successful responses.
    public var cacheMaxAge: Int = 300
    public var version: String = APIOptions.currentVersion

    public static let currentVersion = "1.0.0"
    public static let defaultCacheSize = ResponseCache.defaultBudget

    public init() {}

    /// nil when valid, else a message naming the bad entry (for the executable's exit-2 error).
    public static func validateCORSOrigins(_ text: String) -> String? {
        switch CORSPolicy.parse(text) {
        case .success: nil
        case .failure(let error): error.message
        }
    }

    /// nil when valid: an absolute http(s) URL without query or fragment.
    public static func validatePublicURL(_ text: String) -> String? {
        let lower = text.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else {
            return "expected an absolute http:// or https:// URL"
        }
        guard !text.contains("?"), !text.contains("#"), !text.contains(" ") else {
            return "expected a URL without query, fragment or spaces"
        }
        let afterScheme = text.split(separator: "/", maxSplits: 3, omittingEmptySubsequences: false)
        guard afterScheme.count >= 3, !afterScheme[2].isEmpty else { return "expected a host after the scheme" }
        return nil
    }
}
