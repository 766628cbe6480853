import Server

/// A response body with its fields, ready to send: built once at startup for every parameterless GET, or per
/// request for queries (then cached). Per-request work is then only the conditional check and the CORS fields.
struct PreparedResponse: Sendable {
    let status: HTTPStatus
    let headers: Headers
    let body: [UInt8]
    /// Set on cacheable 200s only.
    let etag: EntityTag?
    /// The route template, for metrics.
    let route: String
}
