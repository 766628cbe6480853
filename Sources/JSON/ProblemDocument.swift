/// An RFC 9457 problem details document (`application/problem+json`): the one writer of problem bodies, for the
/// engine's own errors (400, 408, 413, … before any route runs) and the API's alike.
public struct ProblemDocument: Sendable, Equatable {
    /// One bad query parameter (an extension member, RFC 9457 §3.2): which, and what is wrong with it.
    public struct InvalidParameter: Sendable, Equatable {
        public var parameter: String
        public var detail: String

        public init(parameter: String, detail: String) {
            self.parameter = parameter
            self.detail = detail
        }
    }

    /// RFC 9457 §4.2.1: `about:blank` says the status code is the whole story, and `title` is its reason phrase.
    public var type = "about:blank"
    public var title: String
    public var status: Int
    public var detail: String
    /// The request target the problem is about; nil when the request could not be read (engine errors).
    public var instance: String?
    public var errors: [InvalidParameter]

    public init(status: Int, title: String, detail: String, instance: String? = nil, errors: [InvalidParameter] = []) {
        self.status = status
        self.title = title
        self.detail = detail
        self.instance = instance
        self.errors = errors
    }

    /// The document's bytes, written in one pass: 404s are answered per request, so no value tree is built and
    /// sorted. Members come in `JSONWriter`'s sorted-key order and `errors` is left out when empty, so the bytes are
    /// exactly `JSONWriter.write(json)`'s.
    public func bytes() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(96 + detail.utf8.count + (instance?.utf8.count ?? 0) + title.utf8.count)
        out.append(contentsOf: #"{"detail":"#.utf8)
        JSONWriter.appendString(detail, into: &out)
        if !errors.isEmpty {
            out.append(contentsOf: #","errors":["#.utf8)
            for (i, error) in errors.enumerated() {
                out.append(contentsOf: (i == 0 ? #"{"detail":"# : #",{"detail":"#).utf8)
                JSONWriter.appendString(error.detail, into: &out)
                out.append(contentsOf: #","parameter":"#.utf8)
                JSONWriter.appendString(error.parameter, into: &out)
                out.append(0x7D)
            }
            out.append(0x5D)
        }
        if let instance {
            out.append(contentsOf: #","instance":"#.utf8)
            JSONWriter.appendString(instance, into: &out)
        }
        out.append(contentsOf: #","status":"#.utf8)
        ASCIIDigits.appendDecimal(status, to: &out)
        out.append(contentsOf: #","title":"#.utf8)
        JSONWriter.appendString(title, into: &out)
        if type == "about:blank" {
            // Nearly every problem: the literal needs no escaping pass.
            out.append(contentsOf: #","type":"about:blank"}"#.utf8)
        } else {
            out.append(contentsOf: #","type":"#.utf8)
            JSONWriter.appendString(type, into: &out)
            out.append(0x7D)
        }
        return out
    }

    /// The same document as a value, for embedding (the OpenAPI document's examples).
    public var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            (key: "type", value: .string(type)),
            (key: "title", value: .string(title)),
            (key: "status", value: .integer(status)),
            (key: "detail", value: .string(detail)),
        ]
        if let instance { members.append((key: "instance", value: .string(instance))) }
        if !errors.isEmpty {
            let items: [JSONValue] = errors.map {
                .object([(key: "parameter", value: .string($0.parameter)), (key: "detail", value: .string($0.detail))])
            }
            members.append((key: "errors", value: .array(items)))
        }
        return .object(members)
    }
}
