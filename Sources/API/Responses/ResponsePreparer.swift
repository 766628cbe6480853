import JSON
import Server

/// Turns route results into prepared responses: the body's bytes and every field, encoded once. The same code
/// serves start-up precomputation and live queries, so a precomputed response is byte for byte what the live path
/// would produce.
struct ResponsePreparer: Sendable {
    let fields: CommonFields
    /// Every problem response's fields, encoded once: 404s are answered per request.
    private let problemHeaders: PreEncodedHeaders

    init(fields: CommonFields) {
        self.fields = fields
        var headers = Headers()
        headers.add(name: ResponseField.contentType.name, value: "application/problem+json")
        headers.add(name: ResponseField.contentLanguage.name, value: "en")
        headers.add(name: ResponseField.cacheControl.name, value: CacheControl.noStore)
        for field in fields.constant { headers.add(name: field.name, value: field.value) }
        problemHeaders = PreEncodedHeaders(headers)
    }

    /// `route` is the template (for metrics), `caching` its policy. Each case adds the constant fields last, before
    /// the response is built (and its fields encoded) once; a JSON representation appends them already encoded.
    func prepare(_ result: RouteResult, instance: String, route: String, caching: CachingPolicy) -> PreparedResponse {
        switch result {
        case .resource(let resource):
            return prepare(resource, route: route, caching: caching)
        case .problem(let problem):
            return PreparedResponse(
                status: problem.status, headers: problemHeaders, body: problem.document(instance: instance).bytes(),
                etag: nil, route: route)
        case .redirect(let location):
            var headers = Headers()
            headers.add(name: ResponseField.location.name, value: location)
            headers.add(name: ResponseField.cacheControl.name, value: fields.cacheControl)
            addConstant(to: &headers)
            return PreparedResponse(status: .movedPermanently, headers: headers, body: [], etag: nil, route: route)
        case .text(let body, let contentType):
            var headers = Headers()
            headers.add(name: ResponseField.contentType.name, value: contentType)
            headers.add(name: ResponseField.cacheControl.name, value: CacheControl.noStore)
            addConstant(to: &headers)
            return PreparedResponse(status: .ok, headers: headers, body: body, etag: nil, route: route)
        }
    }

    /// A JSON representation: validators and `public` caching when the route allows clients to cache, else
    /// `no-store`.
    private func prepare(_ resource: Resource, route: String, caching: CachingPolicy) -> PreparedResponse {
        let body = resource.bytes()
        var fields = ResponseFieldList(constant: self.fields)
        fields.add(.contentType, "application/json; charset=utf-8")
        fields.add(.contentLanguage, resource.contentLanguage)
        if let page = resource.page {
            fields.add(.totalCount, String(page.total))
            fields.add(.link, LinkHeader.value(page.links))
        }
        var etag: EntityTag?
        if caching.allowsClientCaching {
            let tag = EntityTag.strong(for: body)
            etag = tag
            fields.add(.etag, tag.headerValue)
            fields.add(.cacheControl, self.fields.cacheControl)
            fields.add(.lastModified, self.fields.lastModified)
        } else {
            fields.add(.cacheControl, CacheControl.noStore)
        }
        fields.addConstant(self.fields)
        return PreparedResponse(
            status: .ok, fields: fields, endingWith: self.fields, body: body, etag: etag, route: route)
    }

    private func addConstant(to headers: inout Headers) {
        for field in fields.constant { headers.add(name: field.name, value: field.value) }
    }
}
