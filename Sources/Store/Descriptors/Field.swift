/// One member of a JSON object in a data file.
struct Field: Sendable {
    var name: String
    var type: FieldType
    var required: Bool
    /// Whether a collection may be sorted by it (`sort=name`): only scalar top-level entity fields are.
    var isSortable = false

    /// The same field, offered as a sort key.
    func sortable() -> Field {
        var copy = self
        copy.isSortable = true
        return copy
    }
}

/// The members a JSON object may have; any other member is an error.
struct ObjectSpec: Sendable {
    var fields: [Field]

    init(_ fields: [Field]) { self.fields = fields }

    func field(named name: String) -> Field? { fields.first { $0.name == name } }
}

func required(_ name: String, _ type: FieldType) -> Field { Field(name: name, type: type, required: true) }
func optional(_ name: String, _ type: FieldType) -> Field { Field(name: name, type: type, required: false) }
