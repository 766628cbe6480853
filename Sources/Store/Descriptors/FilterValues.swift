/// What a filter's values are.
public enum FilterValues: Sendable {
    /// Ids of one kind.
    case ids(EntityKind)
    /// Ids of any kind (a typed reference can point anywhere).
    case anyID
    case enumeration([String])
}
