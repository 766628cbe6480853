import Server

/// Every static file's answers, prepared once like the API's precomputed ones: the identity and (when vendored)
/// gzip variants, each with its own strong ETag — different bytes, so a cache never confuses them — and the fields
/// that say how long clients keep it.
struct StaticResponses: Sendable {
    /// One file's answers.
    struct Variants: Sendable {
        let identity: PreparedResponse
        let gzip: PreparedResponse?
    }

    private let byPath: [String: Variants]

    /// What the HTML pages may do: load scripts, styles and images from this origin only (no inline script: the
    /// initializers are files), call the API on this origin, and never be framed. Swagger UI sets `style`
    /// attributes from script, which CSP allows; a `style-src` without `'unsafe-inline'` is enough (checked in the
    /// browser test, whose console would show a violation). `data:` images: Swagger UI's CSS draws its icons so.
    static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

    /// Versioned URLs never change: a year, `immutable` (no revalidation on reload). Everything else — the pages and
    /// their own scripts — may change with a deploy: stored, but revalidated on every use (a 304 is cheap).
    static let versionedCacheControl = "public, max-age=31536000, immutable"
    static let pageCacheControl = "no-cache"

    init(assets: StaticAssets, constant: CommonFields.Fields) {
        var byPath: [String: Variants] = [:]
        for (path, file) in assets.files {
            let identity = StaticResponses.prepare(file, body: file.identity, gzip: false, constant: constant)
            let gzip = file.gzip.map { StaticResponses.prepare(file, body: $0, gzip: true, constant: constant) }
            byPath[path] = Variants(identity: identity, gzip: gzip)
        }
        self.byPath = byPath
    }

    subscript(path: String) -> Variants? { byPath[path] }

    private static func prepare(_ file: StaticFile, body: [UInt8], gzip: Bool, constant: CommonFields.Fields)
        -> PreparedResponse
    {
        var headers = Headers()
        headers.add(name: ResponseField.contentType.name, value: file.contentType)
        if gzip { headers.add(name: ResponseField.contentEncoding.name, value: "gzip") }
        // Both variants say the answer depends on Accept-Encoding, so a shared cache never hands gzip to a client
        // that did not ask for it.
        if file.gzip != nil { headers.add(name: ResponseField.vary.name, value: "Accept-Encoding") }
        let tag = EntityTag.strong(for: body)
        headers.add(name: ResponseField.etag.name, value: tag.headerValue)
        headers.add(
            name: ResponseField.cacheControl.name, value: file.isVersioned ? versionedCacheControl : pageCacheControl)
        if file.isPage { headers.add(name: ResponseField.contentSecurityPolicy.name, value: contentSecurityPolicy) }
        for field in constant { headers.add(name: field.name, value: field.value) }
        return PreparedResponse(status: .ok, headers: headers, body: body, etag: tag, route: file.path)
    }
}
