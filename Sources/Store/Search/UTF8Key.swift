import Glibc

/// A normalized search key, hashed and compared by its UTF-8 bytes: the key type of the index's postings.
///
/// `String`'s own hashing and `==` are Unicode-aware (they normalize non-ASCII text as they go): looking up an Arabic
/// word in a `[String: …]` cost about 2,600 instructions, a sixth of a heavy query's matching. Both sides of a lookup
/// are `TextNormalizer` output, so equal bytes are the only equality there is to find (the prefix lookups compare
/// bytes for the same reason).
///
/// The bytes are hashed once, when the key is made (FNV-1a), and `hash(into:)` feeds `Hasher` that one word: feeding
/// it the bytes ran SipHash over them on every lookup, about 950 instructions a lookup and seven or more lookups per
/// query word. The dictionary still hashes with its per-process seed; equality still compares bytes.
struct UTF8Key: Hashable, Sendable {
    let string: String
    private let digest: UInt64

    init(_ string: String) {
        var copy = string
        digest = copy.withUTF8 { bytes in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            return hash
        }
        self.string = copy
    }

    static func == (a: UTF8Key, b: UTF8Key) -> Bool {
        guard a.digest == b.digest else { return false }
        // `withUTF8` is mutating (it would make a bridged string contiguous); copies of native strings share storage.
        var a = a.string
        var b = b.string
        // `memcmp`: only equal digests get here, found keys mostly, and `elementsEqual` cost ~400 instructions a call.
        return a.withUTF8 { x in
            b.withUTF8 { y in
                x.count == y.count && (x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0)
            }
        }
    }

    func hash(into hasher: inout Hasher) { hasher.combine(digest) }
}
