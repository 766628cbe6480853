import Server

/// Which web origins may read the API's responses from a browser (the Fetch standard's CORS protocol).
///
/// The answers are built once, at start-up: a response's CORS fields are a lookup, not string work.
struct CORSPolicy: Sendable, Equatable {
    enum Origins: Sendable, Equatable {
        /// Any origin, answered `Access-Control-Allow-Origin: *` (the API needs no credentials, so `*` is allowed).
        case any
        /// Exactly these serialized origins (`https://example.com`, `http://localhost:3000`).
        case list([String])
    }

    typealias Fields = [(name: HeaderName, value: String)]

    let origins: Origins

    /// The API is read-only.
    static let allowedMethods = "GET, HEAD, OPTIONS"
    /// Request fields a preflight may ask for, in their canonical spelling (matched case-insensitively).
    static let allowedRequestHeaders = [
        "Accept", "Accept-Language", "Content-Language", "Content-Type", "If-None-Match", "If-Modified-Since",
        "Cache-Control", "Pragma", "X-Request-ID", "Range",
    ]
    /// One day. Browsers cap it lower (Chromium: 2 hours, Firefox: 24 hours); the shorter cap applies.
    static let maxAge = "86400"

    /// A preflight's answer depends on all three request fields, so caches must key on all of them,
    /// in one Vary field (RFC 9110 §12.5.5).
    static let preflightVary = "Origin, Access-Control-Request-Method, Access-Control-Request-Headers"

    /// For `.any`: the same fields for everyone.
    private let anyFields: Fields
    /// For `.list`: per allowed origin, the fields that grant it.
    private let grantedFields: [(origin: String, fields: Fields)]
    private static let varyOnly: Fields = [(.vary, "Origin")]

    init(origins: Origins) {
        self.origins = origins
        switch origins {
        case .any:
            anyFields = [
                (.accessControlAllowOrigin, "*"),
                (.accessControlExposeHeaders, ResponseField.exposedToBrowsers),
            ]
            grantedFields = []
        case .list(let list):
            anyFields = []
            grantedFields = list.map { ($0, CORSPolicy.granting($0)) }
        }
    }

    static func == (a: CORSPolicy, b: CORSPolicy) -> Bool { a.origins == b.origins }

    private static func granting(_ origin: String) -> Fields {
        [
            (.accessControlAllowOrigin, origin),
            // The answer differs by Origin, so a shared cache must not hand it to another origin.
            (.vary, "Origin"),
            (.accessControlExposeHeaders, ResponseField.exposedToBrowsers),
        ]
    }

    // MARK: - Responses

    /// The CORS fields of every response to a request with this `Origin` (nil: the request had none).
    ///
    /// `.any`: `Access-Control-Allow-Origin: *` — identical for every origin, so no Vary.
    /// `.list`: the origin echoed plus `Vary: Origin` when listed; otherwise `Vary: Origin` alone: the response
    /// still differs by origin, and a cache that stored this one must not serve it to a listed origin.
    func responseHeaders(origin: String?) -> Fields {
        switch origins {
        case .any:
            return anyFields
        case .list:
            guard let origin else { return CORSPolicy.varyOnly }
            for granted in grantedFields where granted.origin == origin {
                return granted.fields  // the common case: a browser sends the serialized (lowercase) origin
            }
            for granted in grantedFields where ASCIICase.equal(granted.origin, origin) {
                // Scheme and host are case-insensitive (RFC 3986 §3.1, §3.2.2), but the Fetch CORS check
                // compares Access-Control-Allow-Origin with the request's Origin byte for byte: echo theirs.
                return CORSPolicy.granting(origin)
            }
            return CORSPolicy.varyOnly
        }
    }

    // MARK: - Preflight

    /// The fields of the 204 answer to a CORS preflight, or nil when the request is not one.
    ///
    /// A preflight is an OPTIONS request with both `Origin` and `Access-Control-Request-Method` (Fetch §3.2.2);
    /// the method is a parameter so that a GET that happens to carry those fields is never taken for one.
    ///
    /// - An allowed origin gets `responseHeaders`, `Access-Control-Allow-Methods: GET, HEAD, OPTIONS`,
    ///   `Access-Control-Allow-Headers` naming those requested headers that are in `allowedRequestHeaders`
    ///   (others are not echoed; the field is left out when none remain) and `Access-Control-Max-Age`.
    /// - A requested method other than GET, HEAD or OPTIONS is still answered 204 with the same fields: it is
    ///   not in Allow-Methods, so the browser fails the preflight itself and never sends the real request.
    /// - An origin that is not allowed gets no Access-Control-Allow-* field at all, only Vary: there is
    ///   nothing to grant, and the browser blocks it.
    /// - Either way one `Vary: Origin, Access-Control-Request-Method, Access-Control-Request-Headers`.
    func preflightHeaders(method: String, headers: Headers) -> Fields? {
        guard method == "OPTIONS",
            let origin = headers[.origin],
            headers[.accessControlRequestMethod] != nil
        else { return nil }

        var fields: Fields = []
        fields.reserveCapacity(7)
        var granted = false
        for field in responseHeaders(origin: origin) where field.name != .vary {
            if field.name == .accessControlAllowOrigin { granted = true }
            fields.append(field)
        }
        if granted {
            fields.append((.accessControlAllowMethods, CORSPolicy.allowedMethods))
            let requested = CORSPolicy.allowedSubset(of: headers.listElements(for: .accessControlRequestHeaders))
            if !requested.isEmpty {
                fields.append((.accessControlAllowHeaders, requested.joined(separator: ", ")))
            }
            fields.append((.accessControlMaxAge, CORSPolicy.maxAge))
        }
        fields.append((.vary, CORSPolicy.preflightVary))
        return fields
    }

    /// The requested names that are allowed, in the order asked, once each, in canonical spelling.
    private static func allowedSubset(of requested: [Substring]) -> [String] {
        var result: [String] = []
        for name in requested {
            guard
                let canonical = allowedRequestHeaders.first(where: {
                    ASCIICase.equal($0.utf8, name.utf8)
                })
            else { continue }
            if !result.contains(canonical) { result.append(canonical) }
        }
        return result
    }
}
