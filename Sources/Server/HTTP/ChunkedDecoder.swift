/// Incremental decoder of a chunked request body (RFC 9112 §7.1).
///
/// Unlike `RequestHeadParser`, the caller drops the consumed bytes and passes only new bytes on the next call,
/// so every position inside the grammar (size line, extension, data, CRLF, trailer) is a state kept here.
public struct ChunkedDecoder: Sendable {
    public enum Outcome: Sendable, Equatable {
        /// Consumed that many input bytes (all decoded data appended to body); call again with more.
        case needMore(consumed: Int)
        /// The last-chunk and trailer section (ending CRLF) are complete; bytes after `consumed` belong to the next request.
        case done(consumed: Int)
        case invalid(HTTPStatus, reason: String)
    }

    private enum State: UInt8 {
        case size
        case bwsBeforeSemicolon, extensionNameStart, extensionName, afterExtensionName
        case extensionValueStart, extensionToken, extensionQuoted, extensionQuotedPair, afterQuotedValue
        case sizeLF
        case data, dataCR, dataLF
        case trailerLineStart, trailerName, trailerValue, trailerLF, finalLF
        case done, failed
    }

    /// RFC 9112 §7.1: chunk-size = 1*HEXDIG; 16 digits are all a 64-bit length needs.
    private static let maxSizeDigits = 16

    private let maxBodySize: Int
    private let limits: ParserLimits
    private var state = State.size
    private var chunkSize: UInt64 = 0
    private var sizeDigits = 0
    private var remaining = 0
    private var bodySize = 0
    private var extensionBytes = 0
    private var trailerBytes = 0
    private var trailerCount = 0
    private var failure = (status: HTTPStatus.badRequest, reason: "")

    public init(maxBodySize: Int, limits: ParserLimits = ParserLimits()) {
        self.maxBodySize = max(0, maxBodySize)
        self.limits = limits
    }

    /// Decodes as much of `input` as possible, appending chunk data to `body`.
    /// After `.done`, further calls consume nothing and answer `.done(consumed: 0)`.
    public mutating func decode(_ input: UnsafeRawBufferPointer, into body: inout [UInt8]) -> Outcome {
        switch state {
        case .done: return .done(consumed: 0)
        case .failed: return .invalid(failure.status, reason: failure.reason)
        default: break
        }
        let end = input.count
        var pos = 0
        while pos < end {
            let b = input[pos]
            switch state {
            case .size:
                if let outcome = sizeByte(b) { return outcome }

            case .bwsBeforeSemicolon, .extensionNameStart, .extensionName, .afterExtensionName,
                .extensionValueStart, .extensionToken, .extensionQuoted, .extensionQuotedPair, .afterQuotedValue:
                if let outcome = extensionByte(b) { return outcome }

            case .sizeLF:
                guard b == ByteClass.lf else { return fail(.badRequest, "bare CR; lines must end with CRLF") }
                if chunkSize == 0 {
                    state = .trailerLineStart  // RFC 9112 §7.1: last-chunk, then the trailer section
                } else {
                    // Safe: chunkSize <= maxBodySize - bodySize was checked, so it fits in Int.
                    remaining = Int(chunkSize)
                    bodySize += remaining
                    state = .data
                }
                chunkSize = 0
                sizeDigits = 0

            case .data:
                let n = min(remaining, end - pos)
                body.append(contentsOf: UnsafeRawBufferPointer(rebasing: input[pos..<(pos + n)]))
                pos += n
                remaining -= n
                if remaining == 0 { state = .dataCR }
                continue

            case .dataCR:
                // RFC 9112 §7.1: chunk = chunk-size [ chunk-ext ] CRLF chunk-data CRLF.
                guard b == ByteClass.cr else { return fail(.badRequest, "chunk data not followed by CRLF") }
                state = .dataLF

            case .dataLF:
                guard b == ByteClass.lf else { return fail(.badRequest, "chunk data not followed by CRLF") }
                state = .size

            case .trailerLineStart, .trailerName, .trailerValue, .trailerLF, .finalLF:
                if let outcome = trailerByte(b) {
                    if case .done = outcome { return .done(consumed: pos + 1) }
                    return outcome
                }

            case .done, .failed:
                // Unreachable: the loop returns as soon as either state is entered.
                return .invalid(failure.status, reason: failure.reason)
            }
            pos += 1
        }
        return .needMore(consumed: end)
    }

    /// RFC 9112 §7.1: chunk-size = 1*HEXDIG, ended by CRLF or the start of an extension.
    /// Returns an outcome only when decoding must stop.
    private mutating func sizeByte(_ b: UInt8) -> Outcome? {
        if let digit = ByteClass.hexValue(b) {
            guard sizeDigits < ChunkedDecoder.maxSizeDigits else {
                return fail(.badRequest, "chunk size has more than 16 hex digits")
            }
            chunkSize = chunkSize << 4 | UInt64(digit)
            sizeDigits += 1
            return nil
        }
        guard sizeDigits > 0 else {
            return fail(
                .badRequest, b == ByteClass.lf ? "bare LF; lines must end with CRLF" : "missing or invalid chunk size")
        }
        // The length is known before any of its data arrives: refuse an oversized body now.
        guard chunkSize <= UInt64(maxBodySize - bodySize) else {
            return fail(.contentTooLarge, "request body larger than \(maxBodySize) bytes")
        }
        if b == ByteClass.cr {
            state = .sizeLF
            return nil
        }
        if b == UInt8(ascii: ";") || ByteClass.isWhitespace(b) {
            state = .bwsBeforeSemicolon
            return extensionByte(b)  // this byte begins the extensions: they examine (and count) it
        }
        return fail(
            .badRequest, b == ByteClass.lf ? "bare LF; lines must end with CRLF" : "invalid character in chunk size")
    }

    /// RFC 9112 §7.1.1: chunk-ext = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] ),
    /// chunk-ext-val = token / quoted-string. Extensions are understood by no one here, so they are validated and dropped.
    /// Returns an outcome only when decoding must stop.
    private mutating func extensionByte(_ b: UInt8) -> Outcome? {
        if b == ByteClass.cr && (state == .extensionName || state == .extensionToken || state == .afterQuotedValue) {
            state = .sizeLF
            return nil
        }
        // Extensions are ignored, but an endless one must not keep a connection busy forever
        // (cf. CVE-2024-22019): their total per body is bounded like a header section.
        extensionBytes += 1
        if extensionBytes > limits.maxHeaderSectionSize { return fail(.badRequest, "chunk extensions too long") }
        if b == ByteClass.lf { return fail(.badRequest, "bare LF; lines must end with CRLF") }

        let isToken = ByteClass.isTokenChar(b)
        let isSpace = ByteClass.isWhitespace(b)
        let semicolon = b == UInt8(ascii: ";")
        switch state {
        case .bwsBeforeSemicolon:
            if semicolon { state = .extensionNameStart } else if !isSpace { return malformedExtension() }
        case .extensionNameStart:
            if isToken { state = .extensionName } else if !isSpace { return malformedExtension() }
        case .extensionName:
            if b == UInt8(ascii: "=") {
                state = .extensionValueStart
            } else if semicolon {
                state = .extensionNameStart
            } else if isSpace {
                state = .afterExtensionName
            } else if !isToken {
                return malformedExtension()
            }
        case .afterExtensionName:
            if b == UInt8(ascii: "=") {
                state = .extensionValueStart
            } else if semicolon {
                state = .extensionNameStart
            } else if !isSpace {
                return malformedExtension()
            }
        case .extensionValueStart:
            if b == UInt8(ascii: "\"") {
                state = .extensionQuoted
            } else if isToken {
                state = .extensionToken
            } else if !isSpace {
                return malformedExtension()
            }
        case .extensionToken:
            if semicolon {
                state = .extensionNameStart
            } else if isSpace {
                state = .bwsBeforeSemicolon
            } else if !isToken {
                return malformedExtension()
            }
        case .extensionQuoted:
            // RFC 9110 §5.6.4: qdtext = HTAB / SP / %x21 / %x23-5B / %x5D-7E / obs-text; quoted-pair = "\" ( HTAB / SP / VCHAR / obs-text ).
            if b == UInt8(ascii: "\"") {
                state = .afterQuotedValue
            } else if b == UInt8(ascii: "\\") {
                state = .extensionQuotedPair
            } else if !(ByteClass.isFieldVChar(b) || isSpace) {
                return malformedExtension()
            }
        case .extensionQuotedPair:
            guard ByteClass.isFieldVChar(b) || isSpace else { return malformedExtension() }
            state = .extensionQuoted
        case .afterQuotedValue:
            if semicolon {
                state = .extensionNameStart
            } else if isSpace {
                state = .bwsBeforeSemicolon
            } else {
                return malformedExtension()
            }
        default:
            return malformedExtension()
        }
        return nil
    }

    private mutating func malformedExtension() -> Outcome {
        fail(.badRequest, "malformed chunk extension")
    }

    /// RFC 9112 §7.1.2: trailer-section = *( field-line CRLF ), validated like header fields and discarded
    /// (nothing here needs trailer fields, and RFC 9110 §6.5.1 lets a recipient drop them).
    /// Returns `.done(consumed: 0)` when the final CRLF was this byte (the caller supplies the real count).
    private mutating func trailerByte(_ b: UInt8) -> Outcome? {
        trailerBytes += 1
        if trailerBytes > limits.maxHeaderSectionSize {
            return fail(.requestHeaderFieldsTooLarge, "trailer section too large")
        }
        switch state {
        case .trailerLineStart:
            if b == ByteClass.cr {
                state = .finalLF
            } else if ByteClass.isTokenChar(b) {
                trailerCount += 1
                if trailerCount > limits.maxHeaderCount {
                    return fail(.requestHeaderFieldsTooLarge, "too many trailer fields")
                }
                state = .trailerName
            } else if ByteClass.isWhitespace(b) {
                return fail(.badRequest, "obsolete line folding in trailer section")  // RFC 9112 §5.2
            } else if b == ByteClass.lf {
                return fail(.badRequest, "bare LF; lines must end with CRLF")
            } else {
                return fail(.badRequest, "invalid trailer field name")
            }
        case .trailerName:
            if b == UInt8(ascii: ":") {
                state = .trailerValue
            } else if !ByteClass.isTokenChar(b) {
                // RFC 9112 §5.1: also whitespace before the colon.
                return fail(.badRequest, "invalid trailer field line")
            }
        case .trailerValue:
            if b == ByteClass.cr {
                state = .trailerLF
            } else if !(ByteClass.isFieldVChar(b) || ByteClass.isWhitespace(b)) {
                // RFC 9110 §5.5: no CTL but HTAB in a field value.
                return fail(
                    .badRequest,
                    b == ByteClass.lf ? "bare LF; lines must end with CRLF" : "control character in trailer field value"
                )
            }
        case .trailerLF:
            guard b == ByteClass.lf else { return fail(.badRequest, "bare CR; lines must end with CRLF") }
            state = .trailerLineStart
        case .finalLF:
            guard b == ByteClass.lf else { return fail(.badRequest, "bare CR; lines must end with CRLF") }
            state = .done
            return .done(consumed: 0)
        default:
            return fail(.badRequest, "invalid trailer section")
        }
        return nil
    }

    private mutating func fail(_ status: HTTPStatus, _ reason: String) -> Outcome {
        state = .failed
        failure = (status, reason)
        return .invalid(status, reason: reason)
    }
}
