/// Response framing (RFC 9112 §6.3), written independently of the Server module so the client checks the engine
/// rather than sharing its assumptions.
extension RawHTTPResponse {
    /// Parses one response from the front of `bytes`: the response and how many bytes it used, or nil when more bytes
    /// are needed. `bodyless` says the request was HEAD; `atEnd` says the peer closed, which ends a body that has
    /// neither Content-Length nor chunked coding.
    static func parse(_ bytes: [UInt8], bodyless: Bool, atEnd: Bool) throws -> (RawHTTPResponse, Int)? {
        guard let headEnd = bytes.firstRange(of: [13, 10, 13, 10]) else { return nil }
        var response = try head(String(decoding: bytes[..<headEnd.lowerBound], as: UTF8.self))
        let bodyStart = headEnd.upperBound
        // §6.3 ¶1: a response to HEAD, and any 1xx, 204 or 304, ends at its head.
        if bodyless || response.status < 200 || response.status == 204 || response.status == 304 {
            return (response, bodyStart)
        }
        // §6.3 ¶4: chunked, when it is the final transfer coding, frames the body.
        if let codings = response.header("Transfer-Encoding"),
            codings.split(separator: ",").last?.trimmingSpaces.lowercased() == "chunked"
        {
            guard let (body, end) = try chunkedBody(bytes, from: bodyStart) else { return nil }
            response.body = body
            return (response, end)
        }
        if let field = response.header("Content-Length") {
            guard let length = Int(field), length >= 0 else { throw RawHTTPClient.ClientError.malformed(field) }
            guard bytes.count - bodyStart >= length else { return nil }
            response.body = Array(bytes[bodyStart..<(bodyStart + length)])
            return (response, bodyStart + length)
        }
        // §6.3 ¶8: otherwise the body runs until the server closes the connection.
        guard atEnd else { return nil }
        response.body = Array(bytes[bodyStart...])
        return (response, bytes.count)
    }

    /// The status line and fields; the body is filled in by the caller.
    private static func head(_ text: String) throws -> RawHTTPResponse {
        var lines = text.split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init)
        let statusLine = lines.removeFirst()
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0] == "HTTP/1.1", let status = Int(parts[1]) else {
            throw RawHTTPClient.ClientError.malformed(statusLine)
        }
        let headers = lines.map { line -> (String, String) in
            let nameAndValue = line.split(separator: ":", maxSplits: 1)
            return (String(nameAndValue[0]), nameAndValue.count > 1 ? String(nameAndValue[1].drop { $0 == " " }) : "")
        }
        return RawHTTPResponse(
            status: status, reason: parts.count > 2 ? String(parts[2]) : "", headers: headers, body: [])
    }

    /// Decodes a chunked body starting at `start` (RFC 9112 §7.1): the body and the offset after its trailer section,
    /// or nil when incomplete. Chunk extensions and trailer fields are read past and dropped.
    private static func chunkedBody(_ bytes: [UInt8], from start: Int) throws -> ([UInt8], Int)? {
        var body: [UInt8] = []
        var position = start
        while true {
            guard let lineEnd = bytes[position...].firstRange(of: [13, 10]) else { return nil }
            let line = String(decoding: bytes[position..<lineEnd.lowerBound], as: UTF8.self)
            let sizeText = line.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false)[0]
            guard let size = Int(sizeText.trimmingSpaces, radix: 16), size >= 0 else {
                throw RawHTTPClient.ClientError.malformed("chunk size line \(line)")
            }
            position = lineEnd.upperBound
            if size == 0 { return trailerSectionEnd(bytes, from: position).map { (body, $0) } }
            guard bytes.count - position >= size + 2 else { return nil }
            body += bytes[position..<(position + size)]
            guard bytes[position + size] == 13, bytes[position + size + 1] == 10 else {
                throw RawHTTPClient.ClientError.malformed("chunk of \(size) bytes not followed by CRLF")
            }
            position += size + 2
        }
    }

    /// The offset after the trailer section that follows the last chunk (fields, then an empty line); nil when
    /// incomplete.
    private static func trailerSectionEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var position = start
        while let lineEnd = bytes[position...].firstRange(of: [13, 10]) {
            if lineEnd.lowerBound == position { return lineEnd.upperBound }
            position = lineEnd.upperBound
        }
        return nil
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs (HTTP's optional whitespace), without needing Foundation.
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
