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
    /// `X-Total-Count`, `Link`.
    var fields: [(name: String, value: String)] = []
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

    /// The RFC 9457 document for a request to `instance`, written by the one problem writer.
    func document(instance: String) -> ProblemDocument {
        ProblemDocument(
            status: status.code, title: status.reason, detail: detail, instance: instance,
            errors: errors.map { ProblemDocument.InvalidParameter(parameter: $0.parameter, detail: $0.detail) })
    }
}
