/// The members a JSON object may have; any other member is an error.
struct ObjectSpec: Sendable {
    var fields: [Field]

    init(_ fields: [Field]) { self.fields = fields }

    func field(named name: String) -> Field? { fields.first { $0.name == name } }
}
