import Server

/// The fields the API adds to answers beyond a route's own: `nosniff` and CORS on every answer (preflights and the
/// engine's own errors included), and the caching fields by the route's `CachingPolicy`. Built once from the
/// configuration; the one place that decides them.
struct CommonFields: Sendable {
    typealias Fields = [(name: HeaderName, value: String)]

    let cors: CORSPolicy
    /// On every answer and independent of the request (`nosniff`, and CORS for `*`), so prepared responses carry
    /// them baked in instead of appending (and copying the field list) per request.
    let constant: Fields
    /// `constant` in wire form, the tail of every computed answer's fields.
    let encodedConstant: PreEncodedHeaders
    /// Those of `constant` a 304 keeps, sorted out and encoded once: the tail of every computed answer's 304.
    let encodedConstantKeptOn304: PreEncodedHeaders
    /// `Cache-Control` of answers clients may cache.
    let cacheControl: String
    /// `Last-Modified` of answers clients may cache: when the data says it last changed.
    let lastModified: String

    init(cors: CORSPolicy, cacheMaxAge: Int, lastModified: Int) {
        self.cors = cors
        var constant: Fields = [(ResponseField.contentTypeOptions.name, "nosniff")]
        if case .any = cors.origins { constant += cors.responseHeaders(origin: nil) }
        self.constant = constant
        encodedConstant = Self.encoded(constant)
        encodedConstantKeptOn304 = Self.encoded(constant.filter { ResponseField.isKeptOn304($0.name) })
        cacheControl = CacheControl.publicMaxAge(cacheMaxAge)
        self.lastModified = HTTPDate.format(secondsSince1970: lastModified)
    }

    private static func encoded(_ fields: Fields) -> PreEncodedHeaders {
        var headers = Headers()
        for field in fields { headers.add(name: field.name, value: field.value) }
        return PreEncodedHeaders(headers)
    }

    /// CORS fields that depend on the request's `Origin` (an origin allow-list), appended per request; none for `*`.
    func perRequest(_ request: Request) -> Fields {
        guard case .list = cors.origins else { return [] }
        return cors.responseHeaders(origin: request.headers[.origin])
    }

    /// A preflight's answer: its own CORS fields, once each (not the constant ones again: browsers reject two
    /// `Access-Control-Allow-Origin`), plus `nosniff`.
    func preflight(_ corsFields: Fields) -> Fields {
        corsFields + [(ResponseField.contentTypeOptions.name, "nosniff")]
    }

    /// The engine's own errors: never stored, and the constant fields; the request may be unreadable, so its Origin
    /// is unknown: with an allow-list, `Vary: Origin` alone.
    var engineError: Fields {
        var fields: Fields = [(ResponseField.cacheControl.name, CacheControl.noStore)]
        fields += constant
        if case .list = cors.origins { fields += cors.responseHeaders(origin: nil) }
        return fields
    }
}
