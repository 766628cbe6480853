import JSON
import Store

/// Every URL the API writes. Links are relative (`/countries/kz`) unless a public base URL is configured, then
/// absolute (`https://api.example.com/v1/countries/kz`), so a page behind a proxy or under a prefix links right.
struct LinkBuilder: Sendable {
    /// Scheme, host and path prefix without a trailing slash, or "" for relative links.
    let base: String

    init(publicURL: String?) {
        var b = publicURL ?? ""
        while b.hasSuffix("/") { b.removeLast() }
        base = b
    }

    func url(_ path: String) -> String { base + path }

    func collection(_ kind: EntityKind) -> String { url("/\(kind.rawValue)") }
    func entity(_ kind: EntityKind, _ id: String) -> String { joined(kind.rawValue, PathSegment.encode(id)) }
    func entity(_ ref: EntityReference) -> String { entity(ref.type, ref.id) }
    func relation(_ ref: EntityReference, _ name: String) -> String { entity(ref) + "/" + name }
    func sources() -> String { url("/sources") }
    func source(_ id: String) -> String { joined("sources", PathSegment.encode(id)) }
    func paragraphs(_ source: String) -> String { self.source(source) + "/paragraphs" }
    func paragraph(_ source: String, _ number: Int) -> String {
        joined("sources", PathSegment.encode(source), "paragraphs", String(number))
    }

    /// `base/a/b/…`, its bytes copied into one string of the right size: every hit of a search page gets a link,
    /// and string interpolation (or `+=`) cost about 1,600 instructions a link where this costs a few hundred.
    private func joined(_ segments: String...) -> String {
        let count = segments.reduce(base.utf8.count) { $0 + 1 + $1.utf8.count }
        return String(unsafeUninitializedCapacity: count) { buffer in
            var end = 0
            func copy(_ s: String) {
                var s = s
                s.withUTF8 { bytes in
                    _ = UnsafeMutableBufferPointer(rebasing: buffer[end..<end + bytes.count]).initialize(from: bytes)
                    end += bytes.count
                }
            }
            copy(base)
            for segment in segments {
                buffer[end] = UInt8(ascii: "/")
                end += 1
                copy(segment)
            }
            return end
        }
    }

    /// `base+path?name=value&…` with the pairs percent-encoded, as bytes: what every page link of a collection
    /// shares, written once (a search's `q` is long once encoded), to which `page` adds each offset.
    func queryPrefix(_ path: String, _ pairs: [(String, String)]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(
            base.utf8.count + path.utf8.count + pairs.reduce(1) { $0 + 2 + ($1.0 + $1.1).utf8.count * 3 })
        out.append(contentsOf: base.utf8)
        out.append(contentsOf: path.utf8)
        for (index, pair) in pairs.enumerated() {
            out.append(UInt8(ascii: index == 0 ? "?" : "&"))
            PercentEncoder.append(pair.0, keeping: QueryEncoding.kept, to: &out)
            out.append(UInt8(ascii: "="))
            PercentEncoder.append(pair.1, keeping: QueryEncoding.kept, to: &out)
        }
        return out
    }

    /// `prefix&offset=N` (`prefix` from `queryPrefix`, which has a query), made a `String` once: interpolating and
    /// concatenating nine of these per search answer cost about 8K instructions.
    static func page(_ prefix: [UInt8], offset: Int) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(prefix.count + 28)
        out.append(contentsOf: prefix)
        out.append(contentsOf: "&offset=".utf8)
        if offset < 0 { out.append(UInt8(ascii: "-")) }
        ASCIIDigits.appendDecimal(abs(offset), to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}

/// A set of ASCII bytes as two bitmasks (bytes 0–63 and 64–127; nothing above is in it), written as literals so
/// reading them costs no lazy initialisation: the encoders test every byte of every link and cached query with it.
struct ASCIIByteMask: Sendable {
    let below64: UInt64
    let from64: UInt64

    @inline(__always) func contains(_ b: UInt8) -> Bool {
        b < 64 ? below64 >> b & 1 == 1 : b < 128 && from64 >> (b - 64) & 1 == 1
    }
}

/// Percent-encoding for one path segment (RFC 3986 §3.3 pchar).
enum PathSegment {
    static func encode(_ s: String) -> String {
        PercentEncoder.encode(s, keeping: kept)
    }

    /// `isKept` as a mask; a test checks it against `isKept` for every byte.
    static let kept = ASCIIByteMask(below64: 0x2FFF_7FD2_0000_0000, from64: 0x47FF_FFFE_87FF_FFFF)

    static func isKept(_ b: UInt8) -> Bool {
        isUnreserved(b) || b == UInt8(ascii: ":") || b == UInt8(ascii: "@") || isSubDelim(b)
    }
}

/// Percent-encoding for a query name or value: `&`, `=`, `+` and `#` must be escaped to survive a round trip.
enum QueryEncoding {
    static func encode(_ s: String) -> String {
        PercentEncoder.encode(s, keeping: kept)
    }

    /// The bytes written as themselves; every other byte is percent-encoded (every byte of every query the
    /// response cache files, `QueryString.normalized`, goes through it).
    @inline(__always) static func keeps(_ b: UInt8) -> Bool { kept.contains(b) }

    /// `isKept` as a mask; a test checks it against `isKept` for every byte.
    static let kept = ASCIIByteMask(below64: 0x0FFF_F792_0000_0000, from64: 0x47FF_FFFE_87FF_FFFF)

    static func isKept(_ b: UInt8) -> Bool {
        isUnreserved(b) || b == UInt8(ascii: ":") || b == UInt8(ascii: "@") || b == UInt8(ascii: "/")
            || b == UInt8(ascii: ",")
            || b == UInt8(ascii: "!") || b == UInt8(ascii: "$") || b == UInt8(ascii: "'") || b == UInt8(ascii: "(")
            || b == UInt8(ascii: ")") || b == UInt8(ascii: "*") || b == UInt8(ascii: ";")
    }
}

private func isUnreserved(_ b: UInt8) -> Bool {
    (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39)
        || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: "~")
}

private func isSubDelim(_ b: UInt8) -> Bool {
    "!$&'()*+,;=".utf8.contains(b)
}

enum PercentEncoder {
    /// `s` itself when every byte is kept (ids, `limit`, most values: no new string); else a copy with the other
    /// bytes as `%XX`.
    static func encode(_ s: String, keeping kept: ASCIIByteMask) -> String {
        var copy = s
        if copy.withUTF8({ $0.allSatisfy(kept.contains) }) { return s }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count * 3)
        append(s, keeping: kept, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `s` with the bytes `kept` lacks as `%XX` (a mask, not a closure, so the loop is one function).
    static func append(_ s: String, keeping kept: ASCIIByteMask, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { bytes in
            for b in bytes {
                if kept.contains(b) {
                    out.append(b)
                } else {
                    out.append(UInt8(ascii: "%"))
                    ASCIIDigits.appendHex(byte: b, uppercase: true, to: &out)
                }
            }
        }
    }
}
