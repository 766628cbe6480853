/// The field names the engine and the API write or read, spelled as they go on the wire. Each is made once, so
/// using one on the request path costs nothing.
extension HeaderName {
    // Framing and connection management (RFC 9110 §6.6.1, §10.2.4, §8.6, §7.6.1, §7.2, §10.1.1; RFC 9112 §6.1).
    public static let date: HeaderName = "Date"
    public static let server: HeaderName = "Server"
    public static let contentLength: HeaderName = "Content-Length"
    public static let connection: HeaderName = "Connection"
    public static let transferEncoding: HeaderName = "Transfer-Encoding"
    public static let host: HeaderName = "Host"
    public static let expect: HeaderName = "Expect"

    // Representation (RFC 9110 §8.3, §8.5).
    public static let contentType: HeaderName = "Content-Type"
    public static let contentLanguage: HeaderName = "Content-Language"
    public static let contentEncoding: HeaderName = "Content-Encoding"
    public static let acceptEncoding: HeaderName = "Accept-Encoding"

    // Caching and conditional requests (RFC 9111 §5.2; RFC 9110 §8.8.3, §8.8.2, §13.1.2, §13.1.3, §12.5.5).
    public static let cacheControl: HeaderName = "Cache-Control"
    public static let etag: HeaderName = "ETag"
    public static let lastModified: HeaderName = "Last-Modified"
    public static let ifNoneMatch: HeaderName = "If-None-Match"
    public static let ifModifiedSince: HeaderName = "If-Modified-Since"
    public static let vary: HeaderName = "Vary"

    // Responses about the resource (RFC 9110 §10.2.2, §10.2.1; RFC 8288 §3).
    public static let location: HeaderName = "Location"
    public static let allow: HeaderName = "Allow"
    public static let link: HeaderName = "Link"

    // De-facto fields the API sends.
    public static let xTotalCount: HeaderName = "X-Total-Count"
    public static let xRequestID: HeaderName = "X-Request-ID"
    public static let xContentTypeOptions: HeaderName = "X-Content-Type-Options"
    public static let contentSecurityPolicy: HeaderName = "Content-Security-Policy"

    // CORS (the Fetch standard's CORS protocol, §3.2).
    public static let origin: HeaderName = "Origin"
    public static let accessControlAllowOrigin: HeaderName = "Access-Control-Allow-Origin"
    public static let accessControlAllowMethods: HeaderName = "Access-Control-Allow-Methods"
    public static let accessControlAllowHeaders: HeaderName = "Access-Control-Allow-Headers"
    public static let accessControlExposeHeaders: HeaderName = "Access-Control-Expose-Headers"
    public static let accessControlMaxAge: HeaderName = "Access-Control-Max-Age"
    public static let accessControlRequestMethod: HeaderName = "Access-Control-Request-Method"
    public static let accessControlRequestHeaders: HeaderName = "Access-Control-Request-Headers"

    // What a reverse proxy says about the original request (RFC 7239 §4; the de-facto X-Forwarded-*).
    public static let forwarded: HeaderName = "Forwarded"
    public static let xForwardedFor: HeaderName = "X-Forwarded-For"
    public static let xForwardedProto: HeaderName = "X-Forwarded-Proto"
    public static let xForwardedHost: HeaderName = "X-Forwarded-Host"
    public static let xForwardedPrefix: HeaderName = "X-Forwarded-Prefix"
}
