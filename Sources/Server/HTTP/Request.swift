/// A complete request as handed to a `RequestHandler`.
public struct Request: Sendable {
    public var head: RequestHead
    /// The decoded body (Content-Length or chunked), empty when there was none.
    public var body: [UInt8]
    /// The peer's address, `127.0.0.1:51234`, `[::1]:51234`, or `unix` for a Unix socket.
    public var remoteAddress: String
    /// The request's `X-Request-ID`: the client's when acceptable, else one the engine generated. The engine echoes
    /// it in the response and the access log.
    public var requestID: String
    /// What a trusted proxy said about the original request; nil when the peer is not a trusted proxy.
    public var forwarded: Forwarded?

    /// The client's address as far as it can be trusted: the forwarded one from a trusted proxy, else the peer's.
    public var clientAddress: String { forwarded?.client ?? remoteAddress }

    public init(head: RequestHead, body: [UInt8] = [], remoteAddress: String = "", requestID: String = "") {
        self.head = head
        self.body = body
        self.remoteAddress = remoteAddress
        self.requestID = requestID
    }

    public var method: String { head.method }
    public var path: String { head.path }
    public var query: String? { head.query }
    public var headers: Headers { head.headers }
    public var version: HTTPVersion { head.version }
}
