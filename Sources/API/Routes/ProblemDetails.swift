import JSON
import Server

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
