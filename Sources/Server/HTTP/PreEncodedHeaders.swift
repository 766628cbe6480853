/// Header fields written once in wire form (`Name: value\r\n` lines, engine-owned names left out), for a response
/// that is built once and sent many times: a `Response` made from it hands the encoder these bytes to copy, and only
/// fields added to that response afterwards (X-Request-ID, per-request CORS) are encoded per send.
public struct PreEncodedHeaders: Sendable {
    /// The fields as a list, so lookups on the response still see them.
    public let headers: Headers
    /// Their wire form, exactly what `ResponseEncoder` writes for `headers`.
    let bytes: [UInt8]

    public init(_ headers: Headers) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(headers.fields.reduce(0) { $0 + $1.name.rawName.utf8.count + $1.value.utf8.count + 4 })
        for field in headers { ResponseEncoder.appendField(field, to: &bytes) }
        self.headers = headers
        self.bytes = bytes
    }
}
