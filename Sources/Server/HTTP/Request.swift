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
