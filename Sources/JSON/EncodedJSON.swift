/// A value with the bytes `JSONWriter` writes for it (compact), made once: what a representation repeats on every
/// request (a search hit's link, id and name) is then a copy of bytes in a `JSONByteSink`, not strings escaped again,
/// and the same value in a `JSONTreeSink`.
public struct EncodedJSON: Sendable {
    public let value: JSONValue
    public let bytes: [UInt8]

    public init(_ value: JSONValue) {
        self.value = value
        bytes = JSONWriter.write(value)
    }
}
