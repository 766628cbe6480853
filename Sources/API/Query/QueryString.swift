import Server

/// The raw query split into decoded `name=value` pairs (application/x-www-form-urlencoded: `+` is a space).
struct QueryString: Sendable {
    private(set) var pairs: [(name: String, value: String)] = []

    /// nil query (no `?`) and an empty one both give no pairs. Empty pieces (`a=1&&b=2`, a trailing `&`) are
    /// skipped, as browsers produce them. A piece that does not decode is an error naming it.
    static func parse(_ raw: String?) -> Result<QueryString, ParameterError> {
        var result = QueryString()
        guard let raw, !raw.isEmpty else { return .success(result) }
        for piece in split(raw) {
            let parts = piece.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = PercentEncoding.decode(parts[0], plusAsSpace: true) else {
                return .failure(
                    ParameterError(
                        parameter: String(parts[0]), detail: "The parameter name is not valid percent-encoded UTF-8."))
            }
            let rawValue = parts.count > 1 ? parts[1] : ""
            guard let value = PercentEncoding.decode(rawValue, plusAsSpace: true) else {
                return .failure(
                    ParameterError(parameter: name, detail: "The value is not valid percent-encoded UTF-8."))
            }
            result.pairs.append((name, value))
        }
        return .success(result)
    }

    /// The non-empty pieces between `&`s. Splitting a `String` compares grapheme clusters, a fifth of an uncached
    /// search's parsing; a query of ASCII (what clients send, percent-encoded) has one per byte, so its bytes split
    /// the same. Anything else splits by clusters (a combining mark after `&` makes one cluster of them).
    private static func split(_ raw: String) -> [Substring] {
        guard raw.utf8.allSatisfy({ $0 < 0x80 }) else { return raw.split(separator: "&") }
        return raw.utf8.split(separator: UInt8(ascii: "&")).map { Substring($0) }
    }

    /// The pairs grouped by name, in the order names first appear, each name's values in the order given.
    var grouped: [(name: String, values: [String])] {
        var out: [(name: String, values: [String])] = []
        var index: [String: Int] = [:]
        for (name, value) in pairs {
            if let i = index[name] {
                out[i].values.append(value)
            } else {
                index[name] = out.count
                out.append((name, [value]))
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
