/// Minimal JSON string escaping for the engine's own output (access log, error bodies), so the engine needs no
/// Foundation. RFC 8259 §7: escape `"`, `\` and control characters; everything else is written as UTF-8.
public enum JSONString {
    public static func append(_ s: String, to out: inout [UInt8]) {
        out.append(0x22)
        for b in s.utf8 {
            switch b {
            case 0x22: out.append(contentsOf: [0x5C, 0x22])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: out.append(contentsOf: [0x5C, 0x72])
            case 0x09: out.append(contentsOf: [0x5C, 0x74])
            case 0x00..<0x20, 0x7F:
                out.append(contentsOf: Array("\\u00".utf8))
                out.append(hex(b >> 4))
                out.append(hex(b & 0xF))
            default:
                out.append(b)
            }
        }
        out.append(0x22)
    }

    public static func quoted(_ s: String) -> String {
        var out: [UInt8] = []
        append(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static func hex(_ n: UInt8) -> UInt8 { n < 10 ? 0x30 + n : 0x61 + n - 10 }
}
