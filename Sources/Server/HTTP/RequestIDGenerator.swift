import JSON

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
