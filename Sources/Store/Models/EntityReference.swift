/// A typed pointer at another entity: `{"type": "<collection>", "id": "<id>"}`.
/// Used wherever the target kind can vary (a fact's subject, an initiative's proposer, …).
public struct EntityReference: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var type: EntityKind
    public var id: String

    public init(type: EntityKind, id: String) {
        self.type = type
        self.id = id
    }

    public static func < (lhs: EntityReference, rhs: EntityReference) -> Bool {
        lhs.type != rhs.type ? lhs.type < rhs.type : lhs.id < rhs.id
    }

    public var description: String { "\(type.rawValue)/\(id)" }
}
