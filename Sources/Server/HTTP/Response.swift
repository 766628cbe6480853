/// A response produced by a handler. The engine adds the framing fields itself —
/// `Date`, `Server`, `Content-Length` and `Connection` — so handlers never set them.
public struct Response: Sendable {
    public var status: HTTPStatus
    public var headers: Headers
    /// Shared, usually pre-encoded bytes: `[UInt8]` is copy-on-write, so handing the same body
    /// to many responses never copies it.
    public var body: [UInt8]
    /// The route that produced it (`/countries/{id}`), for metrics: a template, never the raw path, so the number of
    /// series stays bounded whatever clients request. Empty means "unmatched".
    public var route: String

    public init(status: HTTPStatus, headers: Headers = Headers(), body: [UInt8] = [], route: String = "") {
        self.status = status
        self.headers = headers
        self.body = body
        self.route = route
    }
}
