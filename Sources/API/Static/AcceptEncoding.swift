import Server

/// Whether a request's `Accept-Encoding` (RFC 9110 §12.5.3) accepts gzip: the only coding the server has variants in.
enum AcceptEncoding {
    /// True when `gzip` (or its alias `x-gzip`) is listed with a quality above 0, or, when it is not listed, `*` is.
    /// `gzip;q=0` refuses gzip even if `*` accepts everything else. No field, or a field naming neither, means
    /// identity: RFC 9110 lets a server pick any coding when the field is absent, but old clients that send none are
    /// the ones least likely to decode it. A member whose quality is not a valid qvalue counts as refused.
    static func acceptsGzip(_ headers: Headers) -> Bool {
        var gzip: Bool?
        var star: Bool?
        for value in headers.values(for: .acceptEncoding) {
            for member in value.split(separator: ",") {
                let parts = member.split(separator: ";")
                guard let first = parts.first else { continue }
                let coding = first.trimmingOWS().lowercased()
                let accepted = quality(parts.dropFirst()).map { $0 > 0 } ?? false
                switch coding {
                case "gzip", "x-gzip": gzip = accepted
                case "*": star = accepted
                default: continue
                }
            }
        }
        return gzip ?? star ?? false
    }

    /// The `q` parameter as thousandths (`q=0.5` → 500), 1000 without one; nil when it is not a qvalue
    /// (`0`, `0.ddd`, `1`, `1.000`: RFC 9110 §12.4.2).
    static func quality<Parameters: Sequence<Substring>>(_ parameters: Parameters) -> Int? {
        for parameter in parameters {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingOWS().lowercased() == "q" else { continue }
            let text = pair[1].trimmingOWS()
            let pieces = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            guard let whole = pieces.first, whole == "0" || whole == "1" else { return nil }
            var thousandths = whole == "1" ? 1000 : 0
            if pieces.count == 2 {
                let fraction = pieces[1]
                guard fraction.count <= 3, fraction.allSatisfy({ $0 >= "0" && $0 <= "9" }) else { return nil }
                let padded = fraction + String(repeating: "0", count: 3 - fraction.count)
                let value = Int(padded) ?? 0
                guard whole == "0" || value == 0 else { return nil }
                thousandths += value
            }
            return thousandths
        }
        return 1000
    }
}
