/// What the engine answers a request whose target arrived with bytes browsers leave raw (`RequestHead.targetWasEncoded`).
///
/// RFC 9112 §3.2: "Recipients of an invalid request-line SHOULD respond with either a 400 (Bad Request) error or a 301
/// (Moved Permanently) redirect with the request-target properly encoded." The WHATWG URL parser every browser uses
/// leaves `[ ] { } | \ ^` and backtick raw in a query (and most of them in a path), so
/// `fetch("/countries/kz?fields[people]=name")` sends them: a 400 would be a dead end for the most common client, so
/// GET and HEAD get the 301 and the browser follows it.
///
/// A raw `[`/`]` never reaches a handler as sent: such a request gets the 301 (GET, HEAD), is served in its encoded
/// form (OPTIONS), or gets a 400 (the rest).
public enum RawTarget {
    enum Answer: Sendable, Equatable {
        /// GET and HEAD: 301 to the encoded target (`location(for:)`).
        case redirect(location: String)
        /// OPTIONS: served as if it had been sent encoded. A CORS preflight goes to the same raw URL, and Fetch fails a
        /// preflight whose answer is not 2xx (a redirect included), so redirecting it would break the request after it.
        case serve
        /// Any other method: 400, as before (a redirect would only lead to the API's 405, and a 308 would make the
        /// client send its body again for that).
        case refuse(reason: String)
    }

    static func answer(for head: RequestHead) -> Answer {
        switch head.method {
        case "GET", "HEAD": .redirect(location: location(for: head))
        case "OPTIONS": .serve
        default:
            .refuse(reason: "invalid character in request-target: percent-encode [ ] { } | \\ ^ ` (\(head.target))")
        }
    }

    /// The encoded target as a relative-path reference that climbs to the path's root: `/countries/kz?f[x]=a` becomes
    /// `../countries/kz?f%5Bx%5D=a`. A proxy that strips a prefix (`/api`) leaves the request's last segments as they
    /// were, so the browser resolves this against its own URL to `/api/countries/kz?…`, where `/countries/kz?…` would
    /// lose the prefix. It has no scheme or authority, so no target (`//host/…`, absolute-form) can send the client to
    /// another host.
    static func location(for head: RequestHead) -> String {
        let path = head.path.utf8
        let slashes = path.count(where: { $0 == UInt8(ascii: "/") })
        let climb = slashes <= 1 ? "./" : String(repeating: "../", count: slashes - 1)
        return climb + head.path.dropFirst() + (head.query.map { "?" + $0 } ?? "")
    }

    /// The engine's own 301: `Location`, and a one-line body for people reading it with curl. The handler adds its
    /// fields (`RequestHandler.engineRedirect`).
    public static func redirect(to location: String) -> Response {
        var headers = Headers()
        headers.add(name: .location, value: location)
        headers.add(name: .contentType, value: "text/plain; charset=utf-8")
        let body = "Moved Permanently: URLs percent-encode [ ] { } | \\ ^ `, as in \(location)\n"
        return Response(status: .movedPermanently, headers: headers, body: Array(body.utf8))
    }
}
