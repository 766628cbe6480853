/// A normalized search key, hashed and compared by its UTF-8 bytes: the key type of the index's postings.
///
/// `String`'s own hashing and `==` are Unicode-aware (they normalize non-ASCII text as they go): looking up an Arabic
/// word in a `[String: …]` cost about 2,600 instructions, a sixth of a heavy query's matching. Both sides of a lookup
/// are `TextNormalizer` output, so equal bytes are the only equality there is to find (the prefix lookups compare
/// bytes for the same reason).
struct UTF8Key: Hashable, Sendable {
    let string: String

    init(_ string: String) { self.string = string }

    static func == (a: UTF8Key, b: UTF8Key) -> Bool {
        // `withUTF8` is mutating (it would make a bridged string contiguous); copies of native strings share storage.
        var a = a.string
        var b = b.string
        return a.withUTF8 { x in b.withUTF8 { y in x.count == y.count && x.elementsEqual(y) } }
    }

    func hash(into hasher: inout Hasher) {
        var s = string
        s.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
