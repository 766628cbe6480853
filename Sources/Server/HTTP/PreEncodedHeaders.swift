/// Header fields written once in wire form (`Name: value\r\n` lines, engine-owned names left out), for a response
/// that is built once and sent many times: a `Response` made from it hands the encoder these bytes to copy, and only
/// fields added to that response afterwards (X-Request-ID, per-request CORS) are encoded per send.
public struct PreEncodedHeaders: Sendable {
    /// The fields as a list, so lookups on the response still see them.
    public let headers: Headers
    /// Their wire form, exactly what `ResponseEncoder` writes for `headers`.
    let bytes: [UInt8]

    public init(_ headers: Headers) {
        self.init(headers, followedBy: nil)
    }

    /// `headers` then `tail`'s fields, whose wire form is copied as it is: the fields every answer ends with
    /// (`nosniff`, CORS) are encoded once at start-up, not again for each computed answer and its 304.
    public init(_ headers: Headers, followedBy tail: PreEncodedHeaders?) {
        var bytes: [UInt8] = []
        let tailBytes = tail?.bytes ?? []
        bytes.reserveCapacity(
            headers.fields.reduce(tailBytes.count) { $0 + $1.name.rawName.utf8.count + $1.value.utf8.count + 4 })
        for field in headers { ResponseEncoder.appendField(field, to: &bytes) }
        bytes.append(contentsOf: tailBytes)
        var all = headers
        for field in tail?.headers ?? Headers() { all.add(name: field.name, value: field.value) }
        self.headers = all
        self.bytes = bytes
    }
}
