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

    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    public var objectMembers: [(key: String, value: JSONValue)]? {
        if case .object(let m) = self { return m }
        return nil
    }

    public static func integer(_ n: Int) -> JSONValue { .number(Double(n), isInteger: true) }
}
