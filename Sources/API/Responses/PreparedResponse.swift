import Server

/// A response body with its fields, ready to send: built once at startup for every parameterless GET, or per
/// request for queries (then cached). Per-request work is then only the conditional check; the fields are encoded
/// here, once, for both the full answer and its 304.
struct PreparedResponse: Sendable {
    let status: HTTPStatus
    let headers: PreEncodedHeaders
    /// A `var` so the cache can keep a compacted copy (`compacted()`).
    var body: [UInt8]
    /// Set on cacheable 200s only.
    let etag: EntityTag?
    /// The route template, for metrics.
    let route: String
    /// The fields of this response's 304 (RFC 9110 §15.4.5: those a 200 would carry for caching — ETag,
    /// Cache-Control, Vary, … — without the representation's own); empty unless `etag` is set.
    let notModifiedHeaders: PreEncodedHeaders

    init(status: HTTPStatus, headers: Headers, body: [UInt8], etag: EntityTag?, route: String) {
        self.init(status: status, headers: PreEncodedHeaders(headers), body: body, etag: etag, route: route)
    }

    /// With fields encoded already (shared by many responses, such as every problem's).
    init(status: HTTPStatus, headers: PreEncodedHeaders, body: [UInt8], etag: EntityTag?, route: String) {
        self.status = status
        self.body = body
        self.etag = etag
        self.route = route
        self.headers = headers
        var notModified = Headers()
        if etag != nil {
            for field in headers.headers where ResponseField.isKeptOn304(field.name) {
                notModified.add(name: field.name, value: field.value)
            }
        }
        notModifiedHeaders = PreEncodedHeaders(notModified)
    }

    /// With its 304's fields sorted out as they were added (every computed answer), ending with `common`'s constant
    /// fields, whose wire form is copied (`PreEncodedHeaders(_:endingWith:)`).
    init(
        status: HTTPStatus, fields: ResponseFieldList, endingWith common: CommonFields, body: [UInt8],
        etag: EntityTag?, route: String
    ) {
        self.status = status
        self.body = body
        self.etag = etag
        self.route = route
        headers = PreEncodedHeaders(fields.all, endingWith: common.encodedConstant)
        notModifiedHeaders =
            etag == nil
            ? PreEncodedHeaders(Headers())
            : PreEncodedHeaders(fields.keptOn304, endingWith: common.encodedConstantKeptOn304)
    }
}
