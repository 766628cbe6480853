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
    var status: HTTPStatus = .ok
    var body: JSONValue
    var pretty = false
    var contentLanguage = "ar, en"
    /// `X-Total-Count`, `Link`.
    var fields: [(name: String, value: String)] = []
    var cacheable = true
}

/// An RFC 9457 problem: `type`, `title`, `status`, `detail`, `instance`, and for parameter errors `errors`.
struct ProblemDetails: Sendable {
    var status: HTTPStatus
    var detail: String
    var errors: [ParameterError] = []

    static func invalid(_ errors: ParameterErrors) -> ProblemDetails {
        let names = errors.errors.map { "'\($0.parameter)'" }
        let unique = names.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        return ProblemDetails(
            status: .badRequest,
            detail: "Invalid query parameter\(unique.count == 1 ? "" : "s"): \(unique.joined(separator: ", ")).",
            errors: errors.errors)
    }

    static func notFound(_ detail: String) -> ProblemDetails {
        ProblemDetails(status: .notFound, detail: detail)
    }

    func body(instance: String) -> [UInt8] {
        guard errors.isEmpty else { return JSONWriter.write(json(instance: instance)) }
        // 404s are built per request, so the common shape is written in one pass, without a JSONValue tree to build
        // and sort. The keys are in JSONWriter's (sorted) order, so the bytes are what `json(instance:)` would give.
        var out: [UInt8] = []
        out.reserveCapacity(96 + detail.utf8.count + instance.utf8.count + status.reason.utf8.count)
        out.append(contentsOf: #"{"detail":"#.utf8)
        JSONWriter.appendString(detail, into: &out)
        out.append(contentsOf: #","instance":"#.utf8)
        JSONWriter.appendString(instance, into: &out)
        out.append(contentsOf: #","status":"#.utf8)
        out.append(contentsOf: String(status.code).utf8)
        out.append(contentsOf: #","title":"#.utf8)
        JSONWriter.appendString(status.reason, into: &out)
        out.append(contentsOf: #","type":"about:blank"}"#.utf8)
        return out
    }

    func json(instance: String) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            (key: "type", value: .string("about:blank")),
            (key: "title", value: .string(status.reason)),
            (key: "status", value: .integer(status.code)),
            (key: "detail", value: .string(detail)),
            (key: "instance", value: .string(instance)),
        ]
        if !errors.isEmpty {
            members.append(
                (
                    key: "errors",
                    value: .array(
                        errors.map {
                            .object([
                                (key: "parameter", value: .string($0.parameter)),
                                (key: "detail", value: .string($0.detail)),
                            ])
                        })
                ))
        }
        return .object(members)
    }
}
