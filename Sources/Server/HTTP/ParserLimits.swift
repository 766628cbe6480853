/// Size limits the parsers enforce, on by default: without them a client could make the server buffer a request
/// head without end. RFC 9110 §2.3 leaves the lengths to the server; each limit is answered with the status made for
/// it — 414 for the request line (RFC 9112 §3), 431 for the header section (RFC 6585 §5; RFC 9112 §5 asks for a 4xx).
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
