/// Header fields written once in wire form (`Name: value\r\n` lines, engine-owned names left out), for a response
/// that is built once and sent many times: a `Response` made from it hands the encoder these bytes to copy, and only
/// fields added to that response afterwards (X-Request-ID, per-request CORS) are encoded per send.
public struct PreEncodedHeaders: Sendable {
    /// The fields as a list, so lookups on the response still see them.
    public let headers: Headers
    /// Their wire form, exactly what `ResponseEncoder` writes for `headers`.
    let bytes: [UInt8]

    public init(_ headers: Headers) {
        self.init(headers, endingWith: nil)
    }

    /// `headers`, whose last fields are `tail`'s: only those before them are encoded, then `tail`'s wire form is
    /// copied. The fields every answer ends with (`nosniff`, CORS) are encoded once at start-up, not again for each
    /// computed answer and its 304 (that and listing each answer's fields once, in reserved lists: ~11K
    /// instructions per uncached search answer).
    public init(_ headers: Headers, endingWith tail: PreEncodedHeaders?) {
        let own = headers.count - (tail?.headers.count ?? 0)
        assert(own >= 0 && Array(headers.fields[own...]) == tail?.headers.fields ?? [], "headers end with tail's")
        let tailBytes = tail?.bytes ?? []
        var bytes: [UInt8] = []
        bytes.reserveCapacity(
            headers.fields[..<own].reduce(tailBytes.count) {
                $0 + $1.name.rawName.utf8.count + $1.value.utf8.count + 4
            })
        for field in headers.fields[..<own] { ResponseEncoder.appendField(field, to: &bytes) }
        bytes.append(contentsOf: tailBytes)
        self.headers = headers
        self.bytes = bytes
    }
}
