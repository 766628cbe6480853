/// What the engine calls for every complete request. Runs synchronously on the event loop thread,
/// so it must never block (the API's store is immutable, so it never needs to).
public protocol RequestHandler: Sendable {
    func handle(_ request: Request) -> Response

    /// The response for an error the engine answers by itself (400, 408, 413, 414, 417, 431, 501, 505), before any
    /// route is involved. The engine adds `Connection: close`. The default is a short RFC 9457 problem document;
    /// a handler overrides it to add its own fields (CORS, nosniff) to every response.
    func engineError(status: HTTPStatus, detail: String) -> Response

    /// The engine's 301 for a GET or HEAD whose target needed percent-encoding (`RawTarget`): the request was read
    /// whole, so unlike an engine error it can be answered like any other — a handler adds the fields it gives every
    /// answer to this request. Browsers follow it only if it passes their CORS check, so it must carry
    /// `Access-Control-Allow-Origin` for the request's `Origin`. The default is `RawTarget.redirect(to:)` alone.
    func engineRedirect(_ request: Request, location: String) -> Response
}

extension RequestHandler {
    public func engineError(status: HTTPStatus, detail: String) -> Response {
        EngineProblem.response(status: status, detail: detail)
    }

    public func engineRedirect(_ request: Request, location: String) -> Response {
        RawTarget.redirect(to: location)
    }
}
