import JSON

/// Incremental parser of a request line and header section (RFC 9112 §2–§5), picohttpparser-style:
/// one forward pass over the bytes, resumable at any byte boundary, allocating nothing until the head is complete.
///
/// The scanner validates syntax and limits and only records offsets (`FieldRange`s) into the caller's buffer.
/// When the empty line arrives, `makeHead` reads the recorded ranges once to check the semantic rules
/// (Host, asterisk-form) and to build the Strings.
public struct RequestHeadParser: Sendable {
    public enum Outcome: Sendable, Equatable {
        case incomplete
        /// `consumed`: bytes of the head including the final CRLFCRLF and any skipped leading CRLFs.
        case complete(RequestHead, consumed: Int)
        /// `reason`: short human-readable detail for a problem+json body.
        case invalid(HTTPStatus, reason: String)
    }

    private enum State: UInt8 {
        case leadingLine, leadingLF
        case method
        case targetStart, scheme, authority, pathOrQuery, asterisk
        case version, requestLineLF
        case fieldLineStart, fieldName, fieldValueLeadingOWS, fieldValue, fieldLF, finalLF
        case failed
    }

    private enum TargetForm: UInt8 { case origin, absolute, asterisk }

    /// Offsets of one field line: the name, and the value with OWS already trimmed.
    private struct FieldRange: Sendable {
        var nameStart: Int, nameEnd: Int, valueStart: Int, valueEnd: Int
    }

    private let limits: ParserLimits

    /// The next byte to examine. Everything before it has been examined exactly once; it only moves forward
    /// until `reset()`. Internal so tests can observe it.
    private(set) var scanPosition = 0
    private var state = State.leadingLine

    // Request line.
    private var requestLineStart = 0
    private var methodEnd = 0
    private var targetStart = 0
    private var targetEnd = 0
    private var targetForm = TargetForm.origin
    private var pathStart = 0
    private var pathEnd = 0
    private var queryStart = -1
    private var authorityStart = 0
    private var schemeLength = 0
    private var pendingHexDigits: UInt8 = 0
    /// Bytes the target grows by once its browser-raw bytes (`ByteClass.isBrowserRawTargetChar`) are percent-encoded:
    /// two per such byte. The request line limit counts them, so the redirect's `Location` (the request the client
    /// sends next) is never one the limit would refuse.
    private var encodingGrowth = 0
    private var versionIndex = 0
    private var versionMajor = 0
    private var versionMinor = 0

    // Header section.
    private var sectionStart = 0
    private var current = FieldRange(nameStart: 0, nameEnd: 0, valueStart: 0, valueEnd: 0)
    private var fields: [FieldRange] = []

    private var failure = (status: HTTPStatus.badRequest, reason: "")

    public init(limits: ParserLimits = ParserLimits()) {
        self.limits = limits
    }

    /// Frees the field table. The connection calls it whenever it has no partial head buffered, so an idle keep-alive
    /// connection holds no parser storage at all (thousands of them cost almost nothing); the next head reserves it
    /// again, once.
    public mutating func releaseStorage() {
        fields = []
    }

    /// Call after `.complete` (the caller drops `consumed` bytes) or to start over.
    /// (`.complete` also resets, so calling it then is harmless; `.invalid` sticks until reset.)
    public mutating func reset() {
        scanPosition = 0
        state = .leadingLine
        requestLineStart = 0
        methodEnd = 0
        targetStart = 0
        targetEnd = 0
        targetForm = .origin
        pathStart = 0
        pathEnd = 0
        queryStart = -1
        authorityStart = 0
        schemeLength = 0
        pendingHexDigits = 0
        encodingGrowth = 0
        versionIndex = 0
        versionMajor = 0
        versionMinor = 0
        sectionStart = 0
        current = FieldRange(nameStart: 0, nameEnd: 0, valueStart: 0, valueEnd: 0)
        fields.removeAll(keepingCapacity: true)
    }

    /// `buffer` always starts at the first not-yet-consumed byte of the connection and only grows at the end between
    /// calls. Scanning resumes where the previous call stopped; bytes already examined are never read again by the scanner.
    public mutating func parse(_ buffer: UnsafeRawBufferPointer) -> Outcome {
        if state == .failed { return .invalid(failure.status, reason: failure.reason) }
        let end = buffer.count
        var pos = scanPosition
        defer { scanPosition = pos }

        var lineLimit = limits.maxRequestLineLength &- encodingGrowth
        // Only meaningful once the request line is done (sectionStart is set then).
        var sectionLimit = sectionStart &+ limits.maxHeaderSectionSize

        while pos < end {
            let b = buffer[pos]
            switch state {
            case .leadingLine:
                // RFC 9112 §2.2: ignore at least one empty line before the request line; they count toward the line limit.
                if pos >= lineLimit { return lineTooLong() }
                if b == ByteClass.cr {
                    state = .leadingLF
                } else if b == ByteClass.lf {
                    return fail(.badRequest, "bare LF; lines must end with CRLF")
                } else {
                    requestLineStart = pos
                    state = .method
                    continue  // examine this byte as the first of the method
                }

            case .leadingLF:
                if pos >= lineLimit { return lineTooLong() }
                guard b == ByteClass.lf else { return fail(.badRequest, "bare CR; lines must end with CRLF") }
                state = .leadingLine

            case .method:
                if pos >= lineLimit { return lineTooLong() }
                if ByteClass.isTokenChar(b) {
                    // Hot loop: the rest of the method.
                    let bound = min(end, lineLimit)
                    var next = pos &+ 1
                    while next < bound, ByteClass.isTokenChar(buffer[next]) { next &+= 1 }
                    pos = next
                    continue
                }
                // RFC 9112 §3: request-line = method SP request-target SP HTTP-version; method = token.
                guard b == ByteClass.sp else { return fail(.badRequest, "invalid character in method") }
                guard pos > requestLineStart else { return fail(.badRequest, "empty method") }
                methodEnd = pos
                state = .targetStart

            case .targetStart:
                if pos >= lineLimit { return lineTooLong() }
                targetStart = pos
                switch b {
                case UInt8(ascii: "/"):
                    // RFC 9112 §3.2.1 origin-form.
                    targetForm = .origin
                    pathStart = pos
                    state = .pathOrQuery
                case UInt8(ascii: "*"):
                    // RFC 9112 §3.2.4 asterisk-form (the OPTIONS check happens once the method is materialised).
                    targetForm = .asterisk
                    state = .asterisk
                case UInt8(ascii: "h"), UInt8(ascii: "H"):
                    // RFC 9112 §3.2.2 absolute-form; only the http and https schemes are served.
                    targetForm = .absolute
                    state = .scheme
                    continue
                case ByteClass.sp:
                    return fail(.badRequest, "empty request-target or extra space in request line")
                default:
                    // authority-form (CONNECT only, RFC 9112 §3.2.3) and anything relative are not served.
                    return fail(.badRequest, "request-target must be origin-form, absolute-form or *")
                }

            case .scheme:
                if pos >= lineLimit { return lineTooLong() }
                // Matches "http://" or "https://", scheme case-insensitively (RFC 3986 §3.1).
                let i = pos &- targetStart
                let folded = (b &- 0x41 < 26) ? b | 0x20 : b
                let ok: Bool
                switch i {
                case 0: ok = folded == UInt8(ascii: "h")
                case 1, 2: ok = folded == UInt8(ascii: "t")
                case 3: ok = folded == UInt8(ascii: "p")
                case 4:
                    if folded == UInt8(ascii: "s") {
                        schemeLength = 5
                        ok = true
                    } else {
                        schemeLength = 4
                        ok = b == UInt8(ascii: ":")
                    }
                default:
                    if i == schemeLength {
                        ok = b == UInt8(ascii: ":")
                    } else {
                        ok = b == UInt8(ascii: "/")  // i == schemeLength + 1 or + 2
                        if ok && i == schemeLength &+ 2 {
                            authorityStart = pos &+ 1
                            state = .authority
                        }
                    }
                }
                guard ok else {
                    return fail(.badRequest, "request-target must be origin-form, absolute-form (http or https) or *")
                }

            case .authority:
                if pos >= lineLimit { return lineTooLong() }
                if pendingHexDigits > 0 {
                    guard ByteClass.isHexDigit(b) else {
                        return fail(.badRequest, "malformed percent-encoding in request-target")
                    }
                    pendingHexDigits &-= 1
                } else if b == UInt8(ascii: "/") || b == UInt8(ascii: "?") || b == ByteClass.sp {
                    // RFC 9110 §4.2.1: an http(s) URI must have a non-empty host.
                    guard pos > authorityStart else {
                        return fail(.badRequest, "absolute-form request-target without a host")
                    }
                    pathStart = pos
                    pathEnd = pos
                    if b == ByteClass.sp {
                        targetEnd = pos
                        state = .version
                    } else {
                        if b == UInt8(ascii: "?") { queryStart = pos &+ 1 }
                        state = .pathOrQuery
                    }
                } else if b == UInt8(ascii: "@") {
                    // RFC 9110 §4.2.4: userinfo in an http(s) URI is to be treated as an error.
                    return fail(.badRequest, "userinfo in request-target")
                } else if ByteClass.isHostChar(b) {
                    if b == UInt8(ascii: "%") { pendingHexDigits = 2 }
                } else {
                    return fail(.badRequest, "invalid character in request-target")
                }

            case .pathOrQuery:
                if pos >= lineLimit { return lineTooLong() }
                if pendingHexDigits == 0 && ByteClass.isPlainTargetChar(b) {
                    // Hot loop: bytes that need no bookkeeping (everything but "%" and "?").
                    let bound = min(end, lineLimit)
                    var next = pos &+ 1
                    while next < bound, ByteClass.isPlainTargetChar(buffer[next]) { next &+= 1 }
                    pos = next
                    continue
                }
                if pendingHexDigits > 0 {
                    // RFC 3986 §2.1: pct-encoded = "%" HEXDIG HEXDIG.
                    guard ByteClass.isHexDigit(b) else {
                        return fail(.badRequest, "malformed percent-encoding in request-target")
                    }
                    pendingHexDigits &-= 1
                } else if ByteClass.isTargetChar(b) {
                    if b == UInt8(ascii: "%") {
                        pendingHexDigits = 2
                    } else if b == UInt8(ascii: "?") && queryStart < 0 {
                        pathEnd = pos
                        queryStart = pos &+ 1
                    }
                } else if ByteClass.isBrowserRawTargetChar(b) {
                    // RFC 9112 §3.2: invalid, but what browsers send (`fields[people]=name`): redirected once encoded.
                    encodingGrowth &+= 2
                    lineLimit &-= 2
                    if pos >= lineLimit { return lineTooLong() }
                } else if b == ByteClass.sp {
                    if queryStart < 0 { pathEnd = pos }
                    targetEnd = pos
                    state = .version
                } else if b >= 0x80 {
                    // RFC 3986 §2.1: non-ASCII (Arabic text, say) must be sent percent-encoded. Say how, since a
                    // person typing a URL into curl is the usual sender.
                    return fail(
                        .badRequest,
                        "non-ASCII byte in request-target: percent-encode it (curl -G --data-urlencode 'q=…')")
                } else {
                    return fail(.badRequest, "invalid character in request-target")
                }

            case .asterisk:
                if pos >= lineLimit { return lineTooLong() }
                guard b == ByteClass.sp else {
                    return fail(.badRequest, "request-target must be origin-form, absolute-form or *")
                }
                pathStart = targetStart
                pathEnd = pos
                targetEnd = pos
                state = .version

            case .version:
                if pos >= lineLimit && b != ByteClass.cr { return lineTooLong() }
                // RFC 9112 §2.3: HTTP-version = "HTTP" "/" DIGIT "." DIGIT, case-sensitive.
                let ok: Bool
                switch versionIndex {
                case 0: ok = b == UInt8(ascii: "H")
                case 1, 2: ok = b == UInt8(ascii: "T")
                case 3: ok = b == UInt8(ascii: "P")
                case 4: ok = b == UInt8(ascii: "/")
                case 5:
                    ok = ByteClass.isDigit(b)
                    versionMajor = Int(b &- 0x30)
                case 6: ok = b == UInt8(ascii: ".")
                case 7:
                    ok = ByteClass.isDigit(b)
                    versionMinor = Int(b &- 0x30)
                default:
                    if b == ByteClass.lf { return fail(.badRequest, "bare LF; lines must end with CRLF") }
                    ok = b == ByteClass.cr
                    if ok { state = .requestLineLF }
                }
                guard ok else { return fail(.badRequest, "malformed HTTP version") }
                versionIndex &+= 1

            case .requestLineLF:
                guard b == ByteClass.lf else { return fail(.badRequest, "bare CR; lines must end with CRLF") }
                // RFC 9110 §6.2 / §15.6.6: a well-formed version we do not serve is 505, answered before the headers.
                guard versionMajor == 1 && (versionMinor == 0 || versionMinor == 1) else {
                    return fail(.httpVersionNotSupported, "only HTTP/1.0 and HTTP/1.1 are supported")
                }
                sectionStart = pos &+ 1
                sectionLimit = sectionStart &+ limits.maxHeaderSectionSize
                state = .fieldLineStart

            case .fieldLineStart:
                if pos >= sectionLimit { return fail(.requestHeaderFieldsTooLarge, "header section too large") }
                if b == ByteClass.cr {
                    state = .finalLF
                } else if ByteClass.isTokenChar(b) {
                    guard fields.count < limits.maxHeaderCount else {
                        return fail(.requestHeaderFieldsTooLarge, "too many header fields")
                    }
                    current.nameStart = pos
                    state = .fieldName
                } else if ByteClass.isWhitespace(b) {
                    // RFC 9112 §5.2: obs-fold is rejected (§2.2: so is whitespace before the first field).
                    return fail(.badRequest, "obsolete line folding or leading whitespace in header section")
                } else if b == ByteClass.lf {
                    return fail(.badRequest, "bare LF; lines must end with CRLF")
                } else if b == UInt8(ascii: ":") {
                    return fail(.badRequest, "empty header field name")
                } else {
                    return fail(.badRequest, "invalid character in header field name")
                }

            case .fieldName:
                if pos >= sectionLimit { return fail(.requestHeaderFieldsTooLarge, "header section too large") }
                if ByteClass.isTokenChar(b) {
                    let bound = min(end, sectionLimit)
                    var next = pos &+ 1
                    while next < bound, ByteClass.isTokenChar(buffer[next]) { next &+= 1 }
                    pos = next
                    continue
                }
                if b == UInt8(ascii: ":") {
                    current.nameEnd = pos
                    state = .fieldValueLeadingOWS
                } else if ByteClass.isWhitespace(b) {
                    // RFC 9112 §5.1: no whitespace is allowed between the field name and colon; must be rejected with 400.
                    return fail(.badRequest, "whitespace between header field name and colon")
                } else if b == ByteClass.cr || b == ByteClass.lf {
                    return fail(.badRequest, "header line without colon")
                } else {
                    return fail(.badRequest, "invalid character in header field name")
                }

            case .fieldValueLeadingOWS:
                if pos >= sectionLimit { return fail(.requestHeaderFieldsTooLarge, "header section too large") }
                // RFC 9112 §5: field-line = field-name ":" OWS field-value OWS; OWS is not part of the value.
                if ByteClass.isWhitespace(b) {
                    // skip
                } else if b == ByteClass.cr {
                    current.valueStart = pos
                    current.valueEnd = pos
                    state = .fieldLF
                } else if ByteClass.isFieldVChar(b) {
                    current.valueStart = pos
                    current.valueEnd = pos &+ 1
                    state = .fieldValue
                } else if b == ByteClass.lf {
                    return fail(.badRequest, "bare LF; lines must end with CRLF")
                } else {
                    return fail(.badRequest, "control character in header field value")
                }

            case .fieldValue:
                if pos >= sectionLimit { return fail(.requestHeaderFieldsTooLarge, "header section too large") }
                if ByteClass.isFieldVChar(b) || ByteClass.isWhitespace(b) {
                    // Hot loop: the rest of the value. valueEnd only moves past non-whitespace (trailing OWS trimmed).
                    let bound = min(end, sectionLimit)
                    var next = pos
                    var valueEnd = current.valueEnd
                    // Eight bytes at a time while they are all field-vchars (the common case of long values).
                    while next &+ 8 <= bound
                        && ByteClass.areFieldVChars(buffer.loadUnaligned(fromByteOffset: next, as: UInt64.self))
                    {
                        next &+= 8
                        valueEnd = next
                    }
                    while next < bound {
                        let c = buffer[next]
                        if ByteClass.isFieldVChar(c) {
                            valueEnd = next &+ 1
                        } else if !ByteClass.isWhitespace(c) {
                            break
                        }
                        next &+= 1
                    }
                    current.valueEnd = valueEnd
                    pos = next
                    continue
                }
                if b == ByteClass.cr {
                    state = .fieldLF
                } else if b == ByteClass.lf {
                    return fail(.badRequest, "bare LF; lines must end with CRLF")
                } else {
                    // RFC 9110 §5.5: NUL, CR, LF and other CTLs (HTAB excepted) are invalid in a field value.
                    return fail(.badRequest, "control character in header field value")
                }

            case .fieldLF:
                if pos >= sectionLimit { return fail(.requestHeaderFieldsTooLarge, "header section too large") }
                guard b == ByteClass.lf else { return fail(.badRequest, "bare CR; lines must end with CRLF") }
                // One reservation per head, sized for typical browser requests; more fields grow it once.
                if fields.capacity == 0 { fields.reserveCapacity(16) }
                fields.append(current)
                state = .fieldLineStart

            case .finalLF:
                if pos >= sectionLimit { return fail(.requestHeaderFieldsTooLarge, "header section too large") }
                guard b == ByteClass.lf else { return fail(.badRequest, "bare CR; lines must end with CRLF") }
                let outcome = makeHead(buffer, consumed: pos &+ 1)
                if case .complete = outcome {
                    reset()
                    pos = 0  // the deferred store must not undo reset(): the next head starts at offset 0
                } else {
                    pos &+= 1
                }
                return outcome

            case .failed:
                return .invalid(failure.status, reason: failure.reason)
            }
            pos &+= 1
        }
        return .incomplete
    }

    private mutating func lineTooLong() -> Outcome {
        guard encodingGrowth == 0 else {
            return fail(.uriTooLong, "request line too long once its raw [ ] { } | \\ ^ ` are percent-encoded")
        }
        return fail(.uriTooLong, "request line too long")
    }

    private mutating func fail(_ status: HTTPStatus, _ reason: String) -> Outcome {
        state = .failed
        failure = (status, reason)
        return .invalid(status, reason: reason)
    }

    /// Semantic checks and materialisation, once the whole head has been scanned.
    private mutating func makeHead(_ buffer: UnsafeRawBufferPointer, consumed: Int) -> Outcome {
        // RFC 9112 §3.2.4: asterisk-form is only used with OPTIONS.
        if targetForm == .asterisk {
            let isOptions =
                methodEnd - requestLineStart == 7
                && zip(buffer[requestLineStart..<methodEnd], "OPTIONS".utf8).allSatisfy { $0 == $1 }
            guard isOptions else {
                return fail(.badRequest, "asterisk-form request-target is only allowed with OPTIONS")
            }
        }

        // RFC 9112 §3.2: exactly one Host in HTTP/1.1 (and never more than one in any version), with a valid value.
        var hostCount = 0
        for field in fields where ByteClass.equalsLowercase(buffer, field.nameStart, field.nameEnd, "host") {
            hostCount += 1
            guard RequestHeadParser.isValidHost(buffer, field.valueStart, field.valueEnd) else {
                return fail(.badRequest, "invalid Host header field value")
            }
        }
        if hostCount > 1 { return fail(.badRequest, "more than one Host header field") }
        if hostCount == 0 && versionMinor == 1 { return fail(.badRequest, "missing Host header field") }

        // Raw bytes browsers send are percent-encoded here, once the head is known to be otherwise valid.
        let encode = encodingGrowth > 0
        let path: String
        if targetForm == .absolute && pathStart == pathEnd {
            path = "/"  // RFC 9112 §3.2.2 / RFC 9110 §4.2.3: an empty path in http(s) is equivalent to "/"
        } else {
            path = RequestHeadParser.string(buffer, pathStart, pathEnd, encodingRaw: encode)
        }
        let query =
            queryStart >= 0 ? RequestHeadParser.string(buffer, queryStart, targetEnd, encodingRaw: encode) : nil

        var headerFields: [Headers.Field] = []
        headerFields.reserveCapacity(fields.count)
        for field in fields {
            headerFields.append(
                Headers.Field(
                    name: HeaderName(RequestHeadParser.string(buffer, field.nameStart, field.nameEnd)),
                    value: RequestHeadParser.string(buffer, field.valueStart, field.valueEnd)))
        }

        let head = RequestHead(
            method: RequestHeadParser.string(buffer, requestLineStart, methodEnd),
            // An absolute-form authority keeps its bytes (an IP-literal's brackets are valid there).
            target: encode
                ? RequestHeadParser.string(buffer, targetStart, pathStart)
                    + RequestHeadParser.string(buffer, pathStart, targetEnd, encodingRaw: true)
                : RequestHeadParser.string(buffer, targetStart, targetEnd),
            path: path,
            query: query,
            version: HTTPVersion(major: versionMajor, minor: versionMinor),
            headers: Headers(fields: headerFields),
            targetWasEncoded: encode)
        return .complete(head, consumed: consumed)
    }

    /// Field values are decoded as UTF-8, invalid sequences replaced by U+FFFD: obs-text is opaque to HTTP
    /// (RFC 9110 §5.5), modern clients send UTF-8 when they send anything, and the API never needs the raw bytes.
    private static func string(_ buffer: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self)
    }

    /// A target range with each browser-raw byte as `%XX` (uppercase hex, RFC 3986 §2.1); the rest is ASCII already.
    private static func string(_ buffer: UnsafeRawBufferPointer, _ start: Int, _ end: Int, encodingRaw: Bool)
        -> String
    {
        guard encodingRaw else { return string(buffer, start, end) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity((end - start) * 3)
        for b in buffer[start..<end] {
            if ByteClass.isBrowserRawTargetChar(b) {
                bytes.append(UInt8(ascii: "%"))
                ASCIIDigits.appendHex(byte: b, uppercase: true, to: &bytes)
            } else {
                bytes.append(b)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// RFC 9112 §3.2: Host = uri-host [ ":" port ]. Empty is allowed (a target without authority).
    private static func isValidHost(_ buffer: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> Bool {
        var i = start
        while i < end {
            let b = buffer[i]
            guard ByteClass.isHostChar(b) else { return false }
            if b == UInt8(ascii: "%") {
                guard i + 2 < end, ByteClass.isHexDigit(buffer[i + 1]), ByteClass.isHexDigit(buffer[i + 2]) else {
                    return false
                }
                i += 2
            }
            i += 1
        }
        return true
    }
}
