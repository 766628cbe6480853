/// A response produced by a handler. The engine adds the framing fields itself —
/// `Date`, `Server`, `Content-Length` and `Connection` — so handlers never set them.
public struct Response: Sendable {
    public var status: HTTPStatus
    /// Every field, in order. Only ever appended to (`addHeader`), so the pre-encoded leading fields stay valid.
    public private(set) var headers: Headers
    /// The wire form of the first `preEncodedCount` fields of `headers`, when the response was made from
    /// `PreEncodedHeaders`; empty otherwise. The encoder copies it and encodes only the fields after it.
    let preEncoded: [UInt8]
    let preEncodedCount: Int
    /// Shared, usually pre-encoded bytes: `[UInt8]` is copy-on-write, so handing the same body
    /// to many responses never copies it.
    public var body: [UInt8]
    /// The route that produced it (`/countries/{id}`), for metrics: a template, never the raw path, so the number of
    /// series stays bounded whatever clients request. Empty means "unmatched".
    public var route: String

    public init(status: HTTPStatus, headers: Headers = Headers(), body: [UInt8] = [], route: String = "") {
        self.status = status
        self.headers = headers
        self.preEncoded = []
        self.preEncodedCount = 0
        self.body = body
        self.route = route
    }

    /// A response whose fields were encoded once, ahead of time (a prepared response served many times).
    public init(status: HTTPStatus, headers: PreEncodedHeaders, body: [UInt8] = [], route: String = "") {
        self.status = status
        self.headers = headers.headers
        self.preEncoded = headers.bytes
        self.preEncodedCount = headers.headers.count
        self.body = body
        self.route = route
    }

    /// Appends a field after the others; it is encoded when the response is sent.
    public mutating func addHeader(name: HeaderName, value: String) {
        headers.add(name: name, value: value)
    }
}
