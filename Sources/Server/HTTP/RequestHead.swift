/// A parsed request line and header section (RFC 9112 §3, §5).
public struct RequestHead: Sendable, Equatable {
    /// The method token, case-sensitive as sent (RFC 9110 §9.1).
    public var method: String
    /// The request-target exactly as sent (but see `targetWasEncoded`).
    public var target: String
    /// The path of the target, still percent-encoded (validated): `/countries/kz`.
    /// For absolute-form (`http://host/p?q`) this is `/p`; for asterisk-form it is `*`.
    /// Routers split on `/` first and percent-decode each segment after, so `%2F` cannot forge a segment.
    public var path: String
    /// The raw query after `?` (validated percent-encoding, not decoded), or nil when the target has no `?`.
    public var query: String?
    public var version: HTTPVersion
    public var headers: Headers
    /// The target as sent carried bytes browsers leave raw (`[ ] { } | \ ^` and backtick) that RFC 3986 does not
    /// allow; `target`, `path` and `query` are its percent-encoded form, and the engine answers with a redirect to it
    /// rather than passing the request on as sent (`RawTarget`).
    public var targetWasEncoded: Bool

    public init(
        method: String, target: String, path: String, query: String?, version: HTTPVersion, headers: Headers,
        targetWasEncoded: Bool = false
    ) {
        self.method = method
        self.target = target
        self.path = path
        self.query = query
        self.version = version
        self.headers = headers
        self.targetWasEncoded = targetWasEncoded
    }
}
