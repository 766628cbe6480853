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
    /// The body as a tree. A page whose items write their own bytes (`writtenData`) holds them in its `data`
    /// member, built here for what reads or rewrites a body (rebasing, OpenAPI examples); setting a body makes it
    /// whole again.
    var body: JSONValue {
        get {
            guard let writtenData, case .object(let members) = envelope else { return envelope }
            return .object(members.map { $0.key == "data" ? (key: "data", value: .array(writtenData.values())) : $0 })
        }
        set {
            envelope = newValue
            writtenData = nil
        }
    }
    var pretty = false
    var contentLanguage = "ar, en"
    /// A collection page's `X-Total-Count` and `Link` fields.
    var page: PageFields?
    /// The body, but for `data` when `writtenData` is given.
    private var envelope: JSONValue
    /// The page's items when they write their own bytes into `data` (search hits nothing reshapes).
    private(set) var writtenData: (any SelfWritingItems)?

    init(body: JSONValue, pretty: Bool = false, contentLanguage: String = "ar, en", page: PageFields? = nil) {
        envelope = body
        self.pretty = pretty
        self.contentLanguage = contentLanguage
        self.page = page
    }

    /// `envelope`'s `data` member written by `data` (compact bodies only: `pretty` writes the tree).
    init(envelope: JSONValue, data: any SelfWritingItems, contentLanguage: String, page: PageFields) {
        self.init(body: envelope, contentLanguage: contentLanguage, page: page)
        writtenData = data
    }

    /// The body's bytes, as `JSONWriter` writes `body`.
    func bytes() -> [UInt8] {
        guard let writtenData, !pretty, case .object(let members) = envelope else {
            return JSONWriter.write(body, pretty: pretty)
        }
        return JSONWriter.write(members, replacing: "data", capacity: 1024 + writtenData.estimatedBytes) { out in
            JSONByteSink.append(to: &out) { writtenData.write(into: &$0) }
        }
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
