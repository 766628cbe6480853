/// Strict UTF-8 validation with the byte offset of the first bad sequence, so a curator can
/// find it; `String(decoding:)` would silently substitute U+FFFD instead.
enum UTF8Check {
    static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                offset += encoded.count
            case .emptyInput:
                return nil
            case .error:
                return offset
            }
        }
    }
}
