/// A `JSONObjectSink` that writes an object's members straight into `JSONWriter`'s bytes (compact form, the one
/// escaper): what `JSONWriter.write` gives for the `JSONTreeSink` tree of the same calls, with no tree to build,
/// walk, check for order and free.
public struct JSONByteSink: JSONObjectSink {
    public var bytes: [UInt8]
    /// Whether the object being written has no member yet (no comma before the next).
    @usableFromInline var isFirst = true

    public init(bytes: [UInt8] = []) { self.bytes = bytes }

    /// Appends to `out` what `write` writes into a sink (the buffer moves in and back: nothing is copied).
    public static func append(to out: inout [UInt8], _ write: (inout JSONByteSink) -> Void) {
        var sink = JSONByteSink()
        swap(&sink.bytes, &out)
        write(&sink)
        swap(&sink.bytes, &out)
    }

    /// Appends the object `write` emits.
    @inlinable public mutating func object(_ write: (inout JSONByteSink) -> Void) {
        bytes.append(0x7B)
        let outer = isFirst
        isFirst = true
        write(&self)
        isFirst = outer
        bytes.append(0x7D)
    }

    @inlinable public mutating func member(_ key: JSONKey, _ value: String) {
        appendKey(key)
        JSONWriter.appendString(value, into: &bytes)
    }

    /// As `JSONWriter` writes an integer below 2^53 (offsets, scores, numbers of paragraphs: every integer a
    /// representation holds).
    @inlinable public mutating func member(_ key: JSONKey, _ value: Int) {
        appendKey(key)
        if value < 0 { bytes.append(0x2D) }
        ASCIIDigits.appendDecimal(abs(value), to: &bytes)
    }

    @inlinable public mutating func member(_ key: JSONKey, encoded value: EncodedJSON) {
        appendKey(key)
        bytes.append(contentsOf: value.bytes)
    }

    public mutating func member(_ key: JSONKey, json value: JSONValue) {
        appendKey(key)
        JSONWriter.write(value, pretty: false, indent: 0, into: &bytes)
    }

    /// A member whose value `write` appends as it likes (an array of items writing their own bytes).
    @inlinable public mutating func member(_ key: JSONKey, written write: (inout JSONByteSink) -> Void) {
        appendKey(key)
        write(&self)
    }

    @inlinable public mutating func member(_ key: JSONKey, object write: (inout JSONByteSink) -> Void) {
        appendKey(key)
        object(write)
    }

    @inlinable public mutating func member<Elements: Collection>(
        _ key: JSONKey, objects elements: Elements, _ write: (Elements.Element, inout JSONByteSink) -> Void
    ) {
        appendKey(key)
        array(objects: elements, write)
    }

    /// Appends an array of objects, one per element, each object's members written by `write`.
    @inlinable public mutating func array<Elements: Collection>(
        objects elements: Elements, _ write: (Elements.Element, inout JSONByteSink) -> Void
    ) {
        bytes.append(0x5B)
        var first = true
        for element in elements {
            if !first { bytes.append(0x2C) }
            first = false
            object { write(element, &$0) }
        }
        bytes.append(0x5D)
    }

    /// `,"key":` (no comma first): the key's bytes made once, copied whole.
    @inlinable mutating func appendKey(_ key: JSONKey) {
        key.member.withUnsafeBufferPointer { member in
            bytes.append(contentsOf: isFirst ? UnsafeBufferPointer(rebasing: member.dropFirst()) : member)
        }
        isFirst = false
    }
}
