/// `X-Request-ID`: accepted from the client (or the proxy in front) when it is a sane token, otherwise generated,
/// so every request can be followed from the proxy's log through ours to the client.
enum RequestID {
    static let maxLength = 128

    /// A client's id is kept when it is 1–128 characters of letters, digits and `-_.:+/=@` (UUIDs, W3C trace ids,
    /// base64); anything else — empty, too long, spaces, quotes, control bytes — is replaced, so a hostile value can
    /// never reach the log or a response unescaped.
    static func isAcceptable(_ value: String) -> Bool {
        let bytes = value.utf8
        guard !bytes.isEmpty, bytes.count <= maxLength else { return false }
        return bytes.allSatisfy { b in
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || "-_.:+/=@".utf8.contains(b)
        }
    }
}

/// Per-loop generator of request ids: a random 64-bit prefix per loop and a counter, as 32 hex digits. Unique across
/// loops and replicas (the prefixes are random), and cheap: no syscall per request.
struct RequestIDGenerator {
    private let prefix: UInt64
    private var counter: UInt64 = 0

    init() {
        var random = SystemRandomNumberGenerator() // the kernel's CSPRNG (getrandom)
        prefix = random.next()
    }

    mutating func next() -> String {
        counter &+= 1
        var out = [UInt8](repeating: 0, count: 32)
        Self.hex(prefix, into: &out, at: 0)
        Self.hex(counter, into: &out, at: 16)
        return String(decoding: out, as: UTF8.self)
    }

    private static func hex(_ value: UInt64, into out: inout [UInt8], at offset: Int) {
        let digits = Array("0123456789abcdef".utf8)
        for i in 0..<16 {
            out[offset + 15 - i] = digits[Int((value >> (UInt64(i) * 4)) & 0xF)]
        }
    }
}
