import JSON
import Server
import Store

/// What a route produces, before the handler turns it into bytes and HTTP fields.
enum RouteResult: Sendable {
    case resource(Resource)
    case problem(ProblemDetails)
    /// 301 to the canonical URL of the same resource (alpha-3 or another letter case for an id).
    case redirect(location: String)
    /// A non-JSON body that is never cached (`/metrics`).
    case text([UInt8], contentType: String)
}

/// A JSON representation with what its response needs to say about it.
struct Resource: Sendable {
    var body: JSONValue
    var pretty = false
    var contentLanguage = "ar, en"
    /// A collection page's `X-Total-Count` and `Link` fields.
    var page: PageFields?
}

/// What a collection page says in its fields: the total of matching items (`X-Total-Count`) and its RFC 8288 links
/// (`Link`: first, prev, next, last), kept as values so their targets can be rebased like the body's links.
struct PageFields: Sendable {
    var total: Int
    var links: [(rel: String, target: String)]
}
