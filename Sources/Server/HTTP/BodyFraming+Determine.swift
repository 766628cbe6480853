/// The rules that decide, from a request's head, how its body is delimited (RFC 9112 §6).
extension BodyFraming {
    /// RFC 9112 §6.3. Returns the framing, or the error status and reason.
    static func determine(for head: RequestHead, maxBodySize: Int) -> Result<BodyFraming, FramingError> {
        let headers = head.headers
        let transferEncodings = headers.values(for: .transferEncoding)
        let contentLengths = headers.values(for: .contentLength)

        if !transferEncodings.isEmpty {
            // RFC 9112 §6.1: TE with CL is a request-smuggling attempt; the server must not trust either (and closes).
            if !contentLengths.isEmpty {
                return failure(.badRequest, "Transfer-Encoding and Content-Length together")
            }
            // RFC 9112 §6.1: a server must treat TE in an HTTP/1.0 message as faulty framing and close.
            if head.version == .http1_0 {
                return failure(.badRequest, "Transfer-Encoding in an HTTP/1.0 request")
            }
            return transferCoding(transferEncodings)
        }
        if !contentLengths.isEmpty {
            return contentLength(contentLengths, maxBodySize: maxBodySize)
        }
        // RFC 9112 §6.3 rule 7: a request with neither has no body.
        return .success(.none)
    }

    private static func transferCoding(_ values: [String]) -> Result<BodyFraming, FramingError> {
        // RFC 9112 §6.1: the codings of every field, in order, as one list (RFC 9110 §5.3 combining).
        var codings: [Substring] = []
        for value in values {
            for element in value.split(separator: ",", omittingEmptySubsequences: false) {
                let coding = element.trimmingOWS()
                guard !coding.isEmpty else { return failure(.badRequest, "empty transfer coding") }
                codings.append(coding)
            }
        }
        let chunkedCount = codings.count { ASCIICase.equal(String($0), "chunked") }
        if chunkedCount > 1 {
            // RFC 9112 §7: a sender must not apply chunked more than once.
            return failure(.badRequest, "chunked applied more than once")
        }
        if chunkedCount == 1, let last = codings.last, !ASCIICase.equal(String(last), "chunked") {
            // RFC 9112 §6.3 rule 4: chunked not final → the length cannot be determined; 400 and close.
            return failure(.badRequest, "chunked is not the final transfer coding")
        }
        // RFC 9112 §6.1: a coding we do not implement (anything but chunked: gzip, deflate, identity, …) → 501.
        guard codings.count == 1, chunkedCount == 1 else {
            return failure(.notImplemented, "unsupported transfer coding")
        }
        return .success(.chunked)
    }

    private static func contentLength(_ values: [String], maxBodySize: Int) -> Result<BodyFraming, FramingError> {
        // RFC 9110 §8.6: Content-Length = 1*DIGIT; a list of identical values may be accepted as that value.
        var canonical: Substring?
        for value in values {
            for element in value.split(separator: ",", omittingEmptySubsequences: false) {
                let digits = element.trimmingOWS()
                guard !digits.isEmpty, digits.utf8.allSatisfy(ByteClass.isDigit) else {
                    return failure(.badRequest, "invalid Content-Length")
                }
                // Compare without leading zeros so "007" and "7" agree without ever overflowing.
                let significant = digits.drop { $0 == "0" }
                if let canonical, canonical != significant {
                    // RFC 9112 §6.3 rule 5: differing lengths are unrecoverable; 400 and close.
                    return failure(.badRequest, "conflicting Content-Length values")
                }
                canonical = significant
            }
        }
        guard let canonical else { return failure(.badRequest, "invalid Content-Length") }
        // Int(...) is nil when the value does not fit; that is larger than any maxBodySize.
        guard let length = canonical.isEmpty ? 0 : Int(canonical), length <= maxBodySize else {
            return failure(.contentTooLarge, "request body larger than \(maxBodySize) bytes")
        }
        return .success(length == 0 ? .none : .contentLength(length))
    }

    private static func failure(_ status: HTTPStatus, _ reason: String) -> Result<BodyFraming, FramingError> {
        .failure(FramingError(status: status, reason: reason))
    }
}
