import JSON

/// Writes a response head. The engine owns the framing fields (`HeaderName.engineOwnedNames`: `Date`, `Server`,
/// `Content-Length`, `Connection`, `Transfer-Encoding`): any a handler set are dropped, so a response can never be
/// framed two ways.
enum ResponseEncoder {
    struct Options {
        /// Whether the connection closes after this response.
        var close: Bool
        /// An HTTP/1.0 client that asked for keep-alive must be told it got it (RFC 9112 §9.3, appendix C.2.2).
        var announceKeepAlive: Bool
        /// HEAD: the same fields as GET, including Content-Length, but no body (RFC 9110 §9.3.2).
        var isHead: Bool
    }

    static func encodeHead(
        _ response: Response, options: Options, dateLine: [UInt8], serverLine: [UInt8], into out: inout [UInt8]
    ) {
        out.reserveCapacity(256 + response.headers.count * 48)
        out.append(contentsOf: "HTTP/1.1 ".utf8)
        ASCIIDigits.appendDecimal(response.status.code, to: &out)
        out.append(0x20)
        out.append(contentsOf: response.status.reason.utf8)
        out.append(contentsOf: crlf)
        out.append(contentsOf: dateLine)
        out.append(contentsOf: serverLine)
        out.append(contentsOf: response.preEncoded)
        for field in response.headers.fields[response.preEncodedCount...] { appendField(field, to: &out) }
        // RFC 9110 §8.6: no Content-Length in 1xx or 204; in 304 it would have to be the GET's length, which we omit.
        if !response.status.forbidsBody {
            out.append(contentsOf: "Content-Length: ".utf8)
            ASCIIDigits.appendDecimal(response.body.count, to: &out)
            out.append(contentsOf: crlf)
        }
        if options.close {
            out.append(contentsOf: "Connection: close\r\n".utf8)
        } else if options.announceKeepAlive {
            out.append(contentsOf: "Connection: keep-alive\r\n".utf8)
        }
        out.append(contentsOf: crlf)
    }

    /// One `Name: value` line; engine-owned fields are left out (see the type's comment).
    static func appendField(_ field: Headers.Field, to out: inout [UInt8]) {
        guard !field.name.isEngineOwned else { return }
        // Copied from contiguous UTF-8: appending a `String.UTF8View` took ~270 instructions a piece, and every
        // uncached answer encodes about 16 fields twice (its own and its 304's).
        appendBytes(of: field.name.rawName, to: &out)
        out.append(UInt8(ascii: ":"))
        out.append(UInt8(ascii: " "))
        appendBytes(of: field.value, to: &out)
        out.append(13)
        out.append(10)
    }

    /// Whether the body goes on the wire after the head.
    static func sendsBody(_ response: Response, isHead: Bool) -> Bool {
        !isHead && !response.status.forbidsBody && !response.body.isEmpty
    }

    private static let crlf: [UInt8] = [13, 10]

    private static func appendBytes(of s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { out.append(contentsOf: $0) }
    }
}
