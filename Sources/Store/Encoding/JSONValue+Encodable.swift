import JSON

extension JSONValue {
    /// The generic form of any encodable value, through the deterministic encoder (so keys come out sorted).
    public init(encoding value: some Encodable) throws {
        let bytes = try DeterministicJSON.encode(value)
        do {
            self = try JSONParser.parse(bytes)
        } catch {
            // The encoder's own output always parses; reaching here means a bug in one of the two.
            throw error
        }
    }
}
