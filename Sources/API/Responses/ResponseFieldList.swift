import Server

/// A response's fields and, beside them, those its 304 keeps (`ResponseField.isKeptOn304`), both listed as the fields
/// are added: the preparer knows which field it adds, so no name is looked up again afterwards (finding each name's
/// `ResponseField` by a case-insensitive compare cost about 70 compares, 10K instructions, per uncached answer).
/// The constant fields that end every answer are not listed here: `PreparedResponse` appends them encoded.
struct ResponseFieldList {
    private(set) var all = Headers()
    private(set) var keptOn304 = Headers()

    mutating func add(_ field: ResponseField, _ value: String) {
        all.add(name: field.name, value: value)
        if field.isKeptOn304 { keptOn304.add(name: field.name, value: value) }
    }

}
