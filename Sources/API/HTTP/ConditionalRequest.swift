import Server

/// Evaluation of the preconditions a read-only API meets: If-None-Match and If-Modified-Since (RFC 9110 §13).
enum ConditionalRequest {
    /// Whether a GET or HEAD is to be answered 304 Not Modified (RFC 9110 §13.2.2 steps 3 and 4).
    ///
    /// - If-None-Match, when present and well-formed, decides alone (§13.2.2: it takes precedence over
    ///   If-Modified-Since, a finer validator than a one-second date). `*` matches, because the resource has
    ///   a current representation; otherwise any listed tag that weakly matches `etag` (§8.8.3.2) — the list
    ///   may be spread over several field lines and comma lists.
    /// - A malformed If-None-Match is ignored as if absent (see `EntityTag.ListShape.invalid`).
    /// - If-Modified-Since is evaluated only without If-None-Match, only when it is one valid HTTP-date in
    ///   any of the three formats (§13.1.3: otherwise it MUST be ignored); not modified when
    ///   `lastModified` (seconds since 1970) is no later than that date.
    /// - Any other method: false. (For unsafe methods a failed If-None-Match would be 412, which a
    ///   read-only API never reaches: those methods are answered 405 first.)
    static func isNotModified(method: String, headers: Headers, etag: EntityTag, lastModified: Int) -> Bool {
        guard method == "GET" || method == "HEAD" else { return false }

        if headers[.ifNoneMatch] != nil {
            var matched = false
            var target = etag.opaque
            let shape = target.withUTF8 { target in
                // Every line of the field, lazily: no array is built per request.
                let values = headers.lazy.filter { $0.name == .ifNoneMatch }.map(\.value)
                return EntityTag.scanList(values) { _, opaque in
                    // Weak comparison: the weakness of either tag does not matter, only the opaque bytes.
                    if !matched, opaque.elementsEqual(target) { matched = true }
                }
            }
            switch shape {
            case .any: return true
            case .tags: return matched  // RFC 9110 §13.1.2: If-None-Match takes precedence over If-Modified-Since
            case .invalid: break  // ignored: fall through as though the field were absent
            }
        }

        guard let since = singleDate(.ifModifiedSince, in: headers) else { return false }
        // RFC 9110 §13.1.3: false (not modified) when the selected representation's last modification date
        // is earlier than or equal to the date provided.
        return lastModified <= since
    }

    /// The date of a field that occurs exactly once and parses as an HTTP-date; nil otherwise
    /// (RFC 9110 §13.1.3: ignore a value that is not a valid HTTP-date or has more than one member).
    private static func singleDate(_ name: HeaderName, in headers: Headers) -> Int? {
        var found: String?
        for field in headers where field.name == name {
            guard found == nil else { return nil }
            found = field.value
        }
        // The request parser has already trimmed OWS around the value (RFC 9112 §5.1).
        return found.flatMap(HTTPDate.parse)
    }
}
