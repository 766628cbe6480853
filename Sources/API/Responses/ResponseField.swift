import Server

/// Every field the API's answers carry beyond the engine's framing fields, with what each one means to the parts
/// that must agree on it: whether a 304 keeps it, whether browser scripts may read it (CORS), and how the OpenAPI
/// document describes it. A new field is one case here; the compiler then asks each of those questions.
enum ResponseField: String, CaseIterable, Sendable {
    // Declaration order is the order of `Access-Control-Expose-Headers`.
    case etag = "ETag"
    case link = "Link"
    case totalCount = "X-Total-Count"
    case contentLanguage = "Content-Language"
    /// Set by the engine on every response; listed so browsers may read it.
    case requestID = "X-Request-ID"
    case lastModified = "Last-Modified"
    case cacheControl = "Cache-Control"
    case contentType = "Content-Type"
    case location = "Location"
    case allow = "Allow"
    case contentTypeOptions = "X-Content-Type-Options"
    /// `gzip` on the precompressed variant of a static asset (`/docs`, `/reader`).
    case contentEncoding = "Content-Encoding"
    /// `Accept-Encoding` on static assets that have a gzip variant.
    case vary = "Vary"
    /// On the HTML pages: what they may load and run.
    case contentSecurityPolicy = "Content-Security-Policy"

    /// The name as sent.
    var name: HeaderName {
        switch self {
        case .etag: .etag
        case .link: .link
        case .totalCount: .xTotalCount
        case .contentLanguage: .contentLanguage
        case .requestID: .xRequestID
        case .lastModified: .lastModified
        case .cacheControl: .cacheControl
        case .contentType: .contentType
        case .location: .location
        case .allow: .allow
        case .contentTypeOptions: .xContentTypeOptions
        case .contentEncoding: .contentEncoding
        case .vary: .vary
        case .contentSecurityPolicy: .contentSecurityPolicy
        }
    }

    /// The field a name is (compared as field names are: ignoring case), if the API sets it.
    init?(_ name: HeaderName) {
        guard let field = ResponseField.allCases.first(where: { $0.name == name }) else { return nil }
        self = field
    }

    /// RFC 9110 §15.4.5: a 304 carries what a 200 would for caching (ETag, Last-Modified, Cache-Control, Vary, …)
    /// and none of the representation's own metadata.
    var isKeptOn304: Bool {
        switch self {
        case .contentType, .contentLanguage, .link, .totalCount, .contentEncoding: false
        case .etag, .requestID, .lastModified, .cacheControl, .location, .allow, .contentTypeOptions, .vary,
            .contentSecurityPolicy:
            true
        }
    }

    /// Whether a 304 keeps a field of this name: fields the API sets follow `isKeptOn304`; others (CORS) guide caches
    /// and stay.
    static func isKeptOn304(_ name: HeaderName) -> Bool {
        ResponseField(name)?.isKeptOn304 ?? true
    }

    /// Whether browser scripts on another origin may read it. The Fetch standard's CORS-safelisted response fields
    /// (Cache-Control, Content-Type, Last-Modified, …) are readable anyway; Content-Language is safelisted too, but
    /// listed because older browsers did not treat it so.
    var isExposedToBrowsers: Bool {
        switch self {
        case .etag, .link, .totalCount, .contentLanguage, .requestID: true
        case .lastModified, .cacheControl, .contentType, .location, .allow, .contentTypeOptions, .contentEncoding,
            .vary,
            .contentSecurityPolicy:
            false
        }
    }

    /// `Access-Control-Expose-Headers`.
    static let exposedToBrowsers = allCases.filter(\.isExposedToBrowsers).map(\.rawValue).joined(separator: ", ")

    /// The field's description in the OpenAPI document's `components.headers`, with whether its value is an integer;
    /// nil for fields the document states elsewhere (the media type) or not at all (set on every answer).
    var openAPIDescription: (text: String, isInteger: Bool)? {
        switch self {
        case .etag:
            ("A strong validator of the body (RFC 9110 §8.8.3); send it back in If-None-Match for a 304.", false)
        case .lastModified: ("When the data was loaded (an HTTP-date).", false)
        case .cacheControl: ("`public, max-age=N` for cacheable answers, `no-store` for health and errors.", false)
        case .contentLanguage:
            ("`ar, en` for bilingual bodies, the one language asked for with `lang`, `en` for problems.", false)
        case .totalCount: ("Items matching the query, as in `meta.total`.", true)
        case .link: ("RFC 8288 links: first, prev, next, last.", false)
        case .location: ("The canonical URL of the resource, with the same query.", false)
        case .allow: ("The methods every resource allows: GET, HEAD, OPTIONS.", false)
        // The static pages that alone send the last three are not operations of the document (see `StaticPages`).
        case .requestID, .contentType, .contentTypeOptions, .contentEncoding, .vary, .contentSecurityPolicy: nil
        }
    }
}
