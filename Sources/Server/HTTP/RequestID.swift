import JSON

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
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
                || "-_.:+/=@".utf8.contains(b)
        }
    }
}

/// Per-loop generator of request ids: a random 64-bit prefix per loop and a counter, as 32 hex digits. Unique across
/// loops and replicas (the prefixes are random), and cheap: no syscall per request, and one allocation (the string's
/// own) — the prefix's digits are written once.
struct RequestIDGenerator {
    private let prefixDigits: [UInt8]
    private var counter: UInt64 = 0

    init(prefix: UInt64? = nil) {
        var random = SystemRandomNumberGenerator()  // the kernel's CSPRNG (getrandom)
        prefixDigits = RequestIDGenerator.hex(prefix ?? random.next())
    }

    mutating func next() -> String {
        counter &+= 1
        let value = counter
        return prefixDigits.withUnsafeBufferPointer { prefix in
            String(unsafeUninitializedCapacity: 32) { out in
                _ = out.initialize(fromContentsOf: prefix)
                var rest = value
                for i in stride(from: 31, through: 16, by: -1) {
                    out[i] = ASCIIDigits.hexDigit(UInt8(truncatingIfNeeded: rest & 0xF))
                    rest >>= 4
                }
                return 32
            }
        }
    }

    static func hex(_ value: UInt64) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(16)
        ASCIIDigits.appendHex(value, to: &out)
        return out
    }
}
