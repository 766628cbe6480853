/// Case-insensitive comparison of ASCII text (field names, tokens: RFC 9110 §5.1, §5.6.2). Header lookups run it
/// several times per request, so native strings are compared over their contiguous UTF-8 — bytes equal first
/// (names are nearly always sent in their usual case), letter folding only where bytes differ.
public enum ASCIICase {
    public static func equal(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        let fast = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in equal(x, y) }
        }
        if let result = fast ?? nil { return result }
        return equal(a.utf8, b.utf8)
    }

    public static func equal(_ x: UnsafeBufferPointer<UInt8>, _ b: String) -> Bool {
        guard x.count == b.utf8.count else { return false }
        return b.utf8.withContiguousStorageIfAvailable { y in equal(x, y) } ?? equal(x, b.utf8)
    }

    public static func equal(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool {
        guard x.count == y.count else { return false }
        for i in 0..<x.count where x[i] != y[i] {
            guard folds(x[i], y[i]) else { return false }
        }
        return true
    }

    /// Any two byte collections (substrings' views, slices): the general path.
    public static func equal<A: Collection<UInt8>, B: Collection<UInt8>>(_ a: A, _ b: B) -> Bool {
        guard a.count == b.count else { return false }
        for (c, d) in zip(a, b) where c != d {
            guard folds(c, d) else { return false }
        }
        return true
    }

    /// Whether two different bytes are the same letter in two cases. Only letters fold: 0x40 ('@') and 0x60 ('`')
    /// differ by 0x20 too, but are not the same character.
    @inline(__always)
    private static func folds(_ c: UInt8, _ d: UInt8) -> Bool {
        let lower = c | 0x20
        return lower == d | 0x20 && lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")
    }
}
