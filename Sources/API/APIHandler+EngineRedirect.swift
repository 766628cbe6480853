import Server

// The engine's 301 for a target browsers left unencoded (`RawTarget`). Browsers follow a redirect only if it passes
// their CORS check (Fetch, "HTTP fetch": the check runs on every response, redirects included), so it carries the
// CORS fields for this request's Origin, as every other answer does.

extension APIHandler {
    public func engineRedirect(_ request: Request, location: String) -> Response {
        current.engineRedirect(request, location: location)
    }
}

extension DatasetResponder {
    /// The common fields, CORS for the request's Origin, and the cache lifetime of the API's own redirects: the same
    /// raw URL always leads to the same place.
    func engineRedirect(_ request: Request, location: String) -> Response {
        var response = RawTarget.redirect(to: location)
        response.addHeader(name: ResponseField.cacheControl.name, value: fields.cacheControl)
        for field in fields.constant + fields.perRequest(request) {
            response.addHeader(name: field.name, value: field.value)
        }
        return response
    }
}
