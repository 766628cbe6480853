/// One member of a JSON object in a data file.
struct Field: Sendable {
    var name: String
    var type: FieldType
    var required: Bool
    /// Whether a collection may be sorted by it (`sort=name`): top-level fields with one string (or a `value` member).
    var isSortable = false

    /// The same field, offered as a sort key.
    func sortable() -> Field {
        var copy = self
        copy.isSortable = true
        return copy
    }

    /// A member every object must have: `.required("id", .string)` reads as the schema's `required` list does.
    static func required(_ name: String, _ type: FieldType) -> Field {
        Field(name: name, type: type, required: true)
    }

    /// A member an object may leave out.
    static func optional(_ name: String, _ type: FieldType) -> Field {
        Field(name: name, type: type, required: false)
    }
}
