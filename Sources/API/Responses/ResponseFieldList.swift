import Server

/// A response's fields and, beside them, those its 304 keeps (`ResponseField.isKeptOn304`), both listed as the fields
/// are added: the preparer knows which field it adds, so no name is looked up again afterwards (finding each name's
/// `ResponseField` by a case-insensitive compare cost about 70 compares, 10K instructions, per uncached answer).
struct ResponseFieldList {
    private(set) var all = Headers()
    private(set) var keptOn304 = Headers()

    /// Lists reserved for a JSON answer's fields (up to eight, five kept on a 304) and the constant ones.
    init(constant: CommonFields) {
        all.reserveCapacity(8 + constant.encodedConstant.headers.count)
        keptOn304.reserveCapacity(5 + constant.encodedConstantKeptOn304.headers.count)
    }

    mutating func add(_ field: ResponseField, _ value: String) {
        all.add(name: field.name, value: value)
        if field.isKeptOn304 { keptOn304.add(name: field.name, value: value) }
    }

    /// The constant fields every answer ends with, listed last (`PreparedResponse` copies their wire form).
    mutating func addConstant(_ common: CommonFields) {
        for field in common.encodedConstant.headers { all.add(name: field.name, value: field.value) }
        for field in common.encodedConstantKeptOn304.headers { keptOn304.add(name: field.name, value: field.value) }
    }
}
