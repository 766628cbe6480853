import Glibc
import JSON

/// The `Link` field value (RFC 8288 §3): `<target>; rel="name"`, comma-separated.
enum LinkHeader {
    /// `</countries?offset=0&limit=50>; rel="first", </countries?offset=50&limit=50>; rel="next"`.
    ///
    /// Targets are expected to be URI-references (RFC 3986 §4.1), already percent-encoded, as the API builds
    /// them. A comma or semicolon inside one needs no escaping: the angle brackets delimit it. As a safeguard,
    /// any byte a URI-reference cannot contain (`>`, `<`, `"`, space, CR, LF, other controls, non-ASCII) is
    /// percent-encoded, so a target can never end its brackets early or break the field; a valid target is
    /// copied unchanged. A `rel` is a relation type (RFC 8288 §2.1), sent as a quoted-string: `"` and `\` are
    /// escaped and control characters dropped.
    static func value(_ links: [(rel: String, target: String)]) -> String {
        // Written as bytes and made a `String` once: appending to a `String` piece by piece (and scalar by scalar for
        // the `rel`s) cost ~15K instructions per search answer, whose five targets repeat its encoded query.
        var out: [UInt8] = []
        out.reserveCapacity(links.reduce(0) { $0 + $1.target.utf8.count * 3 + $1.rel.utf8.count * 2 + 12 })
        var checked = 0..<0
        for (index, link) in links.enumerated() {
            if index > 0 { out.append(contentsOf: ", ".utf8) }
            out.append(UInt8(ascii: "<"))
            appendTarget(link.target, to: &out, checked: &checked)
            out.append(contentsOf: ">; rel=\"".utf8)
            appendQuotedContent(link.rel, to: &out)
            out.append(UInt8(ascii: "\""))
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A target of URI-reference bytes only (every one the API builds) is copied whole after one scan of the mask:
    /// byte by byte through `isURIReferenceByte` and `append` it cost ~40K instructions per search answer, whose four
    /// targets each repeat its percent-encoded query. `checked` is where in `out` the previous target's bytes up to
    /// its last `&` lie, checked already: a page's targets differ only in their offset, so a target starting with
    /// those bytes (one `memcmp`) is scanned only past them (scanning each whole cost ~10K instructions per search).
    private static func appendTarget(_ target: String, to out: inout [UInt8], checked: inout Range<Int>) {
        var target = target
        target.withUTF8 { bytes in
            let mask = uriReferenceBytes
            let start = out.count
            let skipped = startsWith(bytes, out, checked) ? checked.count : 0
            if bytes[skipped...].allSatisfy({ mask.contains($0) }) {
                out.append(contentsOf: bytes)
                checked = start..<start + (bytes.lastIndex(of: UInt8(ascii: "&")) ?? 0)
                return
            }
            checked = 0..<0
            for byte in bytes {
                if isURIReferenceByte(byte) {
                    out.append(byte)
                } else {
                    out.append(UInt8(ascii: "%"))
                    ASCIIDigits.appendHex(byte: byte, uppercase: true, to: &out)
                }
            }
        }
    }

    /// Whether `bytes` starts with `out[prefix]`.
    private static func startsWith(_ bytes: UnsafeBufferPointer<UInt8>, _ out: [UInt8], _ prefix: Range<Int>) -> Bool {
        guard !prefix.isEmpty, bytes.count >= prefix.count else { return false }
        return out.withUnsafeBufferPointer {
            memcmp(bytes.baseAddress!, $0.baseAddress! + prefix.lowerBound, prefix.count) == 0
        }
    }

    /// `isURIReferenceByte` as a mask; a test checks it against `isURIReferenceByte` for every byte.
    static let uriReferenceBytes = ASCIIByteMask(below64: 0xAFFF_FFFA_0000_0000, from64: 0x47FF_FFFE_AFFF_FFFF)

    /// unreserved / reserved / "%" (RFC 3986 §2): the bytes a percent-encoded URI-reference is made of.
    static func isURIReferenceByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"),  // unreserved
            UInt8(ascii: ":"), UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"),  // gen-delims
            UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "@"),
            UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"),  // sub-delims
            UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"),
            UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="),
            UInt8(ascii: "%"):
            return true
        default:
            return false
        }
    }

    /// quoted-string content (RFC 9110 §5.6.4): `"` and `\` as quoted-pairs; CTLs other than HTAB cannot appear.
    /// Byte by byte: a control character or DEL is one byte in UTF-8, and no byte of a longer sequence is below 0x80.
    private static func appendQuotedContent(_ text: String, to out: inout [UInt8]) {
        // A rel the API names (`first`, `next`, …) needs nothing escaped or dropped: copied whole after one scan.
        var text = text
        text.withUTF8 { bytes in
            if bytes.allSatisfy({ $0 >= 0x20 && $0 != 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) {
                out.append(contentsOf: bytes)
                return
            }
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                    out.append(UInt8(ascii: "\\"))
                    out.append(byte)
                case UInt8(ascii: "\t"):
                    out.append(byte)
                default:
                    if byte < 0x20 || byte == 0x7F { continue }
                    out.append(byte)
                }
            }
        }
    }
}
