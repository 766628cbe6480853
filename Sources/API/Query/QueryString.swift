import Server

/// The raw query split into decoded `name=value` pairs (application/x-www-form-urlencoded: `+` is a space).
struct QueryString: Sendable {
    private(set) var pairs: [(name: String, value: String)] = []

    /// nil query (no `?`) and an empty one both give no pairs. Empty pieces (`a=1&&b=2`, a trailing `&`) are
    /// skipped, as browsers produce them. A piece that does not decode is an error naming it.
    static func parse(_ raw: String?) -> Result<QueryString, ParameterError> {
        var result = QueryString()
        guard let raw, !raw.isEmpty else { return .success(result) }
        let pieces = pieces(raw)
        result.pairs.reserveCapacity(pieces.count)
        for (rawName, rawValue) in pieces {
            guard let name = PercentEncoding.decode(rawName, plusAsSpace: true) else {
                return .failure(
                    ParameterError(
                        parameter: String(rawName), detail: "The parameter name is not valid percent-encoded UTF-8."))
            }
            guard let value = PercentEncoding.decode(rawValue, plusAsSpace: true) else {
                return .failure(
                    ParameterError(parameter: name, detail: "The value is not valid percent-encoded UTF-8."))
            }
            result.pairs.append((name, value))
        }
        return .success(result)
    }

    /// The non-empty pieces between `&`s, each cut at its first `=` (no `=`: an empty value). A query of ASCII
    /// (what the engine accepts: clients percent-encode the rest) is cut over its bytes: splitting a `String`
    /// compares grapheme clusters, and the byte walk cost a search's parsing half its ~32K instructions. Anything
    /// else (in-process callers) is cut by clusters, where a combining mark after `&` or `=` makes one cluster of
    /// them.
    private static func pieces(_ raw: String) -> [(name: Substring, value: Substring)] {
        var bytes = raw
        let bounds: [(start: Int, equals: Int, end: Int)]? = bytes.withUTF8 { utf8 in
            guard !utf8.contains(where: { $0 >= 0x80 }) else { return nil }
            var out: [(start: Int, equals: Int, end: Int)] = []
            var start = 0
            var equals: Int?
            for i in 0...utf8.count {
                if i < utf8.count, utf8[i] != UInt8(ascii: "&") {
                    if equals == nil, utf8[i] == UInt8(ascii: "=") { equals = i }
                    continue
                }
                if i > start { out.append((start, equals ?? i, i)) }
                start = i + 1
                equals = nil
            }
            return out
        }
        guard let bounds else {
            return raw.split(separator: "&").map { piece in
                let parts = piece.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                return (parts[0], parts.count > 1 ? parts[1] : "")
            }
        }
        let utf8 = raw.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        return bounds.map { piece in
            let name = raw[index(piece.start)..<index(piece.equals)]
            return (name, piece.equals < piece.end ? raw[index(piece.equals + 1)..<index(piece.end)] : "")
        }
    }

    /// The pairs grouped by name, in the order names first appear, each name's values in the order given.
    /// A query has a handful of names: they are looked up by a scan (a dictionary cost ~6K instructions per
    /// request), and through a dictionary only once there are many (a query of thousands of names stays linear).
    var grouped: [(name: String, values: [String])] {
        var out: [(name: String, values: [String])] = []
        var index: [String: Int]?
        for (name, value) in pairs {
            let existing = index == nil ? out.firstIndex(where: { $0.name == name }) : index?[name]
            if let i = existing {
                out[i].values.append(value)
                continue
            }
            index?[name] = out.count
            out.append((name, [value]))
            if index == nil, out.count > 16 {
                index = Dictionary(uniqueKeysWithValues: out.indices.map { (out[$0].name, $0) })
            }
        }
        return out
    }
}

/// One rejected query parameter, as listed in a problem's `errors` (RFC 9457 extension member).
struct ParameterError: Sendable, Equatable, Error {
    var parameter: String
    var detail: String
}

/// Every rejected parameter of one request: a 400 lists them all.
struct ParameterErrors: Error, Sendable, Equatable {
    var errors: [ParameterError]
}
