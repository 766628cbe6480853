extension QueryString {
    /// One spelling for every way of writing the same query: the decoded pairs, ordered by name (bytewise; pairs of
    /// one name keep their order), each name and value percent-encoded the one way links encode them. So
    /// `%6Cimit=2&q=a+b`, `q=a%20b&limit=2` and `limit=2&&q=a%20b` all give `limit=2&q=a%20b`. nil when the query
    /// does not decode (its answer is a 400 naming the raw text). A list-valued name given several times is its
    /// comma list (`include=a&include=b` gives `include=a,b`), as `CollectionQuery.parse` reads it; a single-valued
    /// one stays repeated (a 400, never cached, whose key must not be an accepted query's). Parameters act
    /// independently, so the order is the only other thing a spelling adds; `CollectionQuery.linkPairs` are ordered
    /// the same way, so equivalent spellings get identical bytes.
    static func normalized(_ raw: String?) -> String? {
        guard let raw, !raw.isEmpty else { return "" }
        return plainNormalized(raw) ?? decodedNormalized(raw)
    }

    /// The general path: decode every pair, order them, encode them again.
    static func decodedNormalized(_ raw: String) -> String? {
        guard case .success(let query) = parse(raw) else { return nil }
        var text = ""
        var previous: String?
        for (name, value) in QueryString.ordered(query.pairs, name: \.name) {
            if name == previous, QueryParameter(rawValue: name)?.isList ?? true {
                text += "," + QueryEncoding.encode(value)
                continue
            }
            if !text.isEmpty { text += "&" }
            text += QueryEncoding.encode(name) + "=" + QueryEncoding.encode(value)
            previous = name
        }
        return text
    }

    /// Pairs ordered by name, compared byte by byte (String's `<` would treat canonically equivalent names as equal),
    /// stably, so repeated names keep their relative order.
    static func ordered<Pair, Name: StringProtocol>(_ pairs: [Pair], name: (Pair) -> Name) -> [Pair] {
        pairs.enumerated().sorted { a, b in
            let (x, y) = (name(a.element).utf8, name(b.element).utf8)
            if x.lexicographicallyPrecedes(y) { return true }
            if y.lexicographicallyPrecedes(x) { return false }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// What most clients send, normalized without decoding anything (it runs on every query that reaches the
    /// cache): when every piece is one `name=value` already written as links write it (`scanPlain`), only the order
    /// of the pieces can differ. nil otherwise (the general path decides). A query already in order is returned as
    /// is, after one pass that allocates nothing.
    private static func plainNormalized(_ raw: String) -> String? {
        raw.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            guard let inOrder = scanPlain(bytes) else { return nil }
            return inOrder ? raw : reordered(bytes)
        } ?? nil
    }

    /// The pieces of a plain query in name order (stable), as one new string; nil beyond 32 pieces, where an
    /// insertion sort would cost too much, or when a name repeats (the general path sorts and merges those).
    private static func reordered(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let count = bytes.reduce(1) { $0 + ($1 == UInt8(ascii: "&") ? 1 : 0) }
        guard count <= 32 else { return nil }
        return withUnsafeTemporaryAllocation(of: (name: Range<Int>, piece: Range<Int>).self, capacity: count) {
            pieces in
            var n = 0
            var start = 0
            for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: "&") {
                let equals = bytes[start..<end].firstIndex(of: UInt8(ascii: "=")) ?? end
                var i = n
                // Insertion sort: shift only names strictly greater, so equal names keep their order.
                while i > 0, precedes(bytes, start..<equals, pieces[i - 1].name) {
                    pieces[i] = pieces[i - 1]
                    i -= 1
                }
                pieces[i] = (start..<equals, start..<end)
                n += 1
                start = end + 1
            }
            for i in 1..<max(1, n) where !precedes(bytes, pieces[i - 1].name, pieces[i].name) { return nil }
            // Each piece copied whole (one `memcpy`): byte by byte, the copy was half of this function's ~4K
            // instructions per search query (whose `q=…` piece, percent-encoded, is long and sorts last).
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                var at = 0
                for (i, piece) in pieces.prefix(n).enumerated() {
                    if i > 0 {
                        out[at] = UInt8(ascii: "&")
                        at += 1
                    }
                    let copied = UnsafeMutableBufferPointer(rebasing: out[at..<at + piece.piece.count])
                    _ = copied.initialize(fromContentsOf: UnsafeBufferPointer(rebasing: bytes[piece.piece]))
                    at += piece.piece.count
                }
                return at
            }
        }
    }

    /// Whether the query is plain — every piece one non-empty `name=value`, names of bytes links keep as they are,
    /// values of those and of escapes as links write them (`%D9`: upper-case hex, of a byte links do not keep) — nil
    /// if not, else whether its names are already in order. A value's escapes may spell invalid UTF-8: such a query
    /// is answered with a 400, which is never cached, so its key is never used.
    private static func scanPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        var inOrder = true
        var start = 0
        var equals = -1
        var previousName = 0..<0
        var index = 0
        while index <= bytes.count {
            let byte = index == bytes.count ? UInt8(ascii: "&") : bytes[index]
            if byte == UInt8(ascii: "&") {
                guard equals >= 0, start < index else { return nil }  // an empty piece, or no `=`
                let name = start..<equals
                if start > 0, inOrder, !precedes(bytes, previousName, name) { inOrder = false }
                previousName = name
                start = index + 1
                equals = -1
            } else if byte == UInt8(ascii: "=") {
                guard equals < 0 else { return nil }  // `=` inside a value is written `%3D` in links
                equals = index
            } else if byte == UInt8(ascii: "%") {
                // In a name, escapes would make the raw order differ from the decoded one: the general path.
                guard equals >= 0, index + 2 < bytes.count, let high = upperHex(bytes[index + 1]),
                    let low = upperHex(bytes[index + 2]), !QueryEncoding.keeps(high << 4 | low)
                else { return nil }
                index += 2
            } else if !QueryEncoding.keeps(byte) {
                return nil
            }
            index += 1
        }
        return inOrder
    }

    /// `0`–`9`, `A`–`F` → their value; nil for anything else (lower case included: links write upper case).
    @inline(__always)
    private static func upperHex(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): b - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): b - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Whether the bytes in `a` sort strictly before those in `b` (bytewise, a prefix first).
    @inline(__always)
    private static func precedes(_ bytes: UnsafeBufferPointer<UInt8>, _ a: Range<Int>, _ b: Range<Int>) -> Bool {
        var (i, j) = (a.lowerBound, b.lowerBound)
        while i < a.upperBound, j < b.upperBound {
            if bytes[i] != bytes[j] { return bytes[i] < bytes[j] }
            i += 1
            j += 1
        }
        return i == a.upperBound && j < b.upperBound
    }
}
