import Server

/// RFC 9457 problem details: every error the API answers is one of these.
enum Problem {
    static func response(_ status: HTTPStatus, detail: String, instance: String) -> Response {
        var body = Array(#"{"type":"about:blank","title":"#.utf8)
        body.append(contentsOf: JSONString.quoted(status.reason).utf8)
        body.append(contentsOf: #","status":\#(status.code),"detail":"#.utf8)
        body.append(contentsOf: JSONString.quoted(detail).utf8)
        body.append(contentsOf: #","instance":"#.utf8)
        body.append(contentsOf: JSONString.quoted(instance).utf8)
        body.append(contentsOf: "}".utf8)
        return Response(status: status, headers: Headers([("Content-Type", "application/problem+json")]), body: body)
    }
}
