import JSON

/// The engine's own `application/problem+json` answers (RFC 9457 §3), for errors it meets before any route runs:
/// the request could not be read, so there is no `instance` to name.
public enum EngineProblem {
    public static func response(status: HTTPStatus, detail: String) -> Response {
        let document = ProblemDocument(status: status.code, title: status.reason, detail: detail)
        var headers = Headers()
        headers.add(name: "Content-Type", value: "application/problem+json")
        return Response(status: status, headers: headers, body: document.bytes())
    }
}
