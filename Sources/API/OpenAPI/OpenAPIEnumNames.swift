import JSON

/// Readable member names for every string enum of the document, as generators read them (`x-enum-varnames`:
/// openapi-generator, openapi-python-client; `x-enumNames`: NSwag). Without them a value that does not start with
/// a letter gets a positional name: `-name.ar` became `VALUE_3`; here it is `NAME_AR_DESC`.
enum OpenAPIEnumNames {
    /// `document` with both lists added beside each `enum` of strings. Examples are answers, not schemas: skipped.
    static func annotate(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members):
            var out: [(key: String, value: JSONValue)] = members.map { member in
                member.key == "examples" || member.key == "example" ? member : (member.key, annotate(member.value))
            }
            if let values = value["enum"]?.arrayValue?.compactMap(\.stringValue), !values.isEmpty {
                let names = OpenAPIJSON.strings(memberNames(values))
                out.append((key: "x-enum-varnames", value: names))
                out.append((key: "x-enumNames", value: names))
            }
            return .object(out)
        case .array(let items):
            return .array(items.map(annotate))
        default:
            return value
        }
    }

    /// One name per value, in order, distinct: letters and digits upper-cased, every other run an underscore, a
    /// leading `-` (a descending sort key) a `_DESC` suffix, a name that would start with a digit prefixed `N`.
    static func memberNames(_ values: [String]) -> [String] {
        var taken: Set<String> = []
        return values.map { value in
            var text = Substring(value)
            let descending = text.first == "-" && text.count > 1
            if descending { text = text.dropFirst() }
            var name = ""
            for scalar in text.unicodeScalars {
                if scalar.properties.isAlphabetic && scalar.isASCII || ("0"..."9").contains(scalar) {
                    name.unicodeScalars.append(contentsOf: String(scalar).uppercased().unicodeScalars)
                } else if !name.isEmpty && !name.hasSuffix("_") {
                    name += "_"
                }
            }
            while name.hasSuffix("_") { name.removeLast() }
            if name.isEmpty { name = "EMPTY" }
            if name.first?.isNumber == true { name = "N" + name }
            if descending { name += "_DESC" }
            var unique = name
            var n = 2
            while !taken.insert(unique).inserted {
                unique = "\(name)_\(n)"
                n += 1
            }
            return unique
        }
    }
}
