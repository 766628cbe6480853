import Server

/// A response's fields and, beside them, those its 304 keeps (`ResponseField.isKeptOn304`), both listed as the fields
/// are added: the preparer knows which field it adds, so no name is looked up again afterwards (finding each name's
/// `ResponseField` by a case-insensitive compare cost about 70 compares, 10K instructions, per uncached answer).
struct ResponseFieldList {
    private(set) var all = Headers()
    private(set) var keptOn304 = Headers()

    mutating func add(_ field: ResponseField, _ value: String) {
        all.add(name: field.name, value: value)
        if field.isKeptOn304 { keptOn304.add(name: field.name, value: value) }
    }

    /// Fields given by name, with those a 304 keeps among them (`CommonFields.constantKeptOn304`).
    mutating func add(_ fields: CommonFields.Fields, keptOn304 kept: CommonFields.Fields) {
        for field in fields { all.add(name: field.name, value: field.value) }
        for field in kept { keptOn304.add(name: field.name, value: field.value) }
    }
}
