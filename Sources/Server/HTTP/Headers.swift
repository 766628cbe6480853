/// Header fields as an ordered list, exactly as received: duplicates stay visible
/// (RFC 9110 §5.3 — a recipient must be able to see repeated fields to detect e.g. conflicting Content-Length).
/// Only the list: a response's fields in wire form, encoded once, are `PreEncodedHeaders`.
public struct Headers: Sendable, Equatable, Sequence {
    public struct Field: Sendable, Equatable {
        public var name: HeaderName
        public var value: String
        public init(name: HeaderName, value: String) {
            self.name = name
            self.value = value
        }
    }

    public private(set) var fields: [Field]

    public init() { fields = [] }

    public init(_ pairs: [(String, String)]) {
        fields = pairs.map { Field(name: HeaderName($0.0), value: $0.1) }
    }

    /// Takes an already built list as is (the parser builds one with the right capacity).
    init(fields: [Field]) { self.fields = fields }

    public var count: Int { fields.count }

    /// Room for `count` fields, so a list built field by field grows once (not from one to two, four, eight).
    public mutating func reserveCapacity(_ count: Int) { fields.reserveCapacity(count) }

    public mutating func add(name: HeaderName, value: String) {
        fields.append(Field(name: name, value: value))
    }

    /// The first value of a field, compared case-insensitively (RFC 9110 §5.1: names are case-insensitive).
    public subscript(name: HeaderName) -> String? {
        for field in fields where field.name == name { return field.value }
        return nil
    }

    /// Every value of a field, in order.
    public func values(for name: HeaderName) -> [String] {
        fields.lazy.filter { $0.name == name }.map(\.value)
    }

    /// The comma-separated list elements of every field of that name, trimmed (RFC 9110 §5.6.1).
    public func listElements(for name: HeaderName) -> [Substring] {
        values(for: name).flatMap { value in
            value.split(separator: ",").map { $0.trimmingOWS() }.filter { !$0.isEmpty }
        }
    }

    /// Whether a token-list field (Connection, Transfer-Encoding, …) contains `token`, case-insensitively. Runs on
    /// every request (Connection), so it scans the bytes in place instead of building the list.
    public func containsToken(_ token: String, in name: HeaderName) -> Bool {
        for field in fields where field.name == name {
            var value = field.value
            let found = value.withUTF8 { bytes in
                var start = 0
                while start <= bytes.count {
                    var end = start
                    while end < bytes.count && bytes[end] != UInt8(ascii: ",") { end += 1 }
                    let element = ByteClass.trimmingOWS(bytes[start..<end])
                    if ASCIICase.equal(UnsafeBufferPointer(rebasing: element), token) { return true }
                    start = end + 1
                }
                return false
            }
            if found { return true }
        }
        return false
    }

    public func makeIterator() -> IndexingIterator<[Field]> { fields.makeIterator() }
}
