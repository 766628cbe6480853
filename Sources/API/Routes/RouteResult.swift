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
    /// The body as a tree. A page whose items write their own bytes (`written`) is built here, envelope and items,
    /// for what reads or rewrites a body (rebasing, OpenAPI examples); setting a body makes it whole again.
    var body: JSONValue {
        get {
            guard let written else { return tree }
            return written.envelope.tree(data: .array(written.items.values()))
        }
        set {
            tree = newValue
            written = nil
        }
    }
    var pretty = false
    var contentLanguage = "ar, en"
    /// A collection page's `X-Total-Count` and `Link` fields.
    var page: PageFields?
    /// The body, unless `written` is given.
    private var tree: JSONValue
    /// A page whose items write their own bytes (search hits nothing reshapes), with its envelope: both written
    /// straight to bytes.
    private(set) var written: (envelope: PageEnvelope, items: any SelfWritingItems)?

    init(body: JSONValue, pretty: Bool = false, contentLanguage: String = "ar, en", page: PageFields? = nil) {
        tree = body
        self.pretty = pretty
        self.contentLanguage = contentLanguage
        self.page = page
    }

    /// `envelope` around `items`, written straight to bytes (compact bodies only: `pretty` writes the tree).
    init(envelope: PageEnvelope, data items: any SelfWritingItems, contentLanguage: String, page: PageFields) {
        self.init(body: .null, contentLanguage: contentLanguage, page: page)
        written = (envelope, items)
    }

    /// The body's bytes, as `JSONWriter` writes `body`.
    func bytes() -> [UInt8] {
        guard let written, !pretty else { return JSONWriter.write(body, pretty: pretty) }
        var sink = JSONByteSink()
        sink.bytes.reserveCapacity(1024 + written.items.estimatedBytes)
        sink.object { envelope in
            written.envelope.write(into: &envelope) { $0.member(PageEnvelope.Key.data, written: written.items.write) }
        }
        return sink.bytes
    }
}

/// A page's items written straight to bytes (`JSONByteSink`), or as values for what reshapes a body: one
/// representation, generic over its sink, gives both.
protocol SelfWritingItems: Sendable {
    func values() -> [JSONValue]
    /// The items as a JSON array.
    func write(into sink: inout JSONByteSink)
    /// About how many bytes `write` appends, to reserve them.
    var estimatedBytes: Int { get }
}

/// What a collection page says in its fields: the total of matching items (`X-Total-Count`) and its RFC 8288 links
/// (`Link`: first, prev, next, last), kept as values so their targets can be rebased like the body's links.
struct PageFields: Sendable {
    var total: Int
    var links: [(rel: String, target: String)]
}
