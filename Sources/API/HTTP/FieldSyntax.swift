import Server

/// Byte-level pieces of RFC 9110 field syntax shared by the parsers in this folder.
/// They work on UTF-8 bytes and never allocate: they run on every request.
enum FieldSyntax {
    /// RFC 9110 §5.1: field names are case-insensitive. ASCII-only folding is enough — names are tokens.
    static func namesEqual(_ a: String, _ b: String) -> Bool {
        ASCIICase.equal(a, b)
    }

    /// The values of every field called `name`, in order, without building an array.
    static func values(named name: String, in headers: Headers) -> LazyMapSequence<LazyFilterSequence<Headers>, String>
    {
        headers.lazy.filter { namesEqual($0.name.rawName, name) }.map(\.value)
    }

    static func contains(_ name: String, in headers: Headers) -> Bool {
        headers.contains { namesEqual($0.name.rawName, name) }
    }

    /// OWS = *( SP / HTAB ) (RFC 9110 §5.6.3).
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    /// The value with OWS stripped from both ends.
    static func trimmed(_ text: Substring) -> Substring {
        var start = text.utf8.startIndex
        var end = text.utf8.endIndex
        while start < end, isWhitespace(text.utf8[start]) { text.utf8.formIndex(after: &start) }
        while start < end {
            let before = text.utf8.index(before: end)
            guard isWhitespace(text.utf8[before]) else { break }
            end = before
        }
        return text[start..<end]
    }
}
