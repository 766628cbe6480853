import FoundationEssentials

/// The one way the store encodes JSON: sorted keys, slashes not escaped, non-ASCII as raw UTF-8.
/// Equal values give equal bytes on every run and machine, which is what ETags rely on.
public enum DeterministicJSON {
    public static func encode<T: Encodable>(_ value: T, pretty: Bool = false) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        return [UInt8](try encoder.encode(value))
    }
}
