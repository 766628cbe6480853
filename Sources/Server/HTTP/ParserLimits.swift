/// Size limits the parsers enforce, each answered with its own status code (DESIGN §2: limits are on by default).
public struct ParserLimits: Sendable, Equatable {
    /// Longest request line in bytes, without its CRLF (and counting any skipped leading empty lines) → 414.
    /// RFC 9112 §3: servers should support at least 8000 octets.
    public var maxRequestLineLength = 8192
    /// Largest header (or trailer) section in bytes, from after the request line up to and including the empty line → 431.
    public var maxHeaderSectionSize = 16384
    /// Most header (or trailer) fields → 431.
    public var maxHeaderCount = 100

    public init(maxRequestLineLength: Int = 8192, maxHeaderSectionSize: Int = 16384, maxHeaderCount: Int = 100) {
        self.maxRequestLineLength = maxRequestLineLength
        self.maxHeaderSectionSize = maxHeaderSectionSize
        self.maxHeaderCount = maxHeaderCount
    }
}
