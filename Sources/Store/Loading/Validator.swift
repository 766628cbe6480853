import JSON

/// Walks parsed JSON against `Schema` and records every problem with its JSON path.
/// It never stops at the first problem: the point is one complete list per load.
struct Validator {
    /// What references and citations are checked against.
    struct Context {
        /// Ids per kind, collected from every data file before any entity is validated.
        var ids: [EntityKind: Set<String>]
        /// Paragraphs as scalar arrays (offsets are in Unicode scalars), by source id.
        var paragraphs: [String: [[Unicode.Scalar]]]
        /// Sources whose text could not be read: their problem is already logged, so citations
        /// into them are not checked (one root cause, one message).
        var unreadableSources: Set<String> = []
    }

    let file: String
    let context: Context
    var log: ProblemLog

    init(file: String, context: Context, log: ProblemLog) {
        self.file = file
        self.context = context
        self.log = log
    }

    mutating func validate(_ value: JSONValue, against spec: ObjectSpec, at path: JSONPath) {
        guard case .object(let members) = value else {
            log.add(file, path, "expected object, found \(value.typeName)")
            return
        }
        var seen: Set<String> = []
        for member in members {
            if !seen.insert(member.key).inserted {
                log.add(file, path.key(member.key), "duplicate key")
                continue
            }
            guard let field = spec.field(named: member.key) else {
                log.add(file, path.key(member.key), "unknown field")
                continue
            }
            validate(member.value, as: field.type, at: path.key(member.key))
        }
        for field in spec.fields where field.required && !seen.contains(field.name) {
            log.add(file, path.key(field.name), "required field is missing")
        }
    }

    mutating func validate(_ value: JSONValue, as type: FieldType, at path: JSONPath) {
        switch type {
        case .string:
            _ = nonEmptyString(value, at: path)
        case .integer(let minimum):
            _ = integer(value, minimum: minimum, at: path)
        case .number:
            guard case .number = value else { return mismatch("number", value, at: path) }
        case .localized:
            validateLanguageMap(value, at: path) { validator, element, elementPath in
                _ = validator.nonEmptyString(element, at: elementPath)
            }
        case .localizedList:
            validateLanguageMap(value, at: path) { validator, element, elementPath in
                validator.validate(element, as: .array(.string, nonEmpty: false), at: elementPath)
            }
        case .countryCode:
            guard let id = nonEmptyString(value, at: path) else { return }
            if !Self.isCountryID(id) {
                log.add(
                    file, path,
                    "invalid country id '\(id)': expected ISO 3166-1 alpha-2 or ISO 3166-3 code in lowercase")
            }
        case .slug:
            guard let id = nonEmptyString(value, at: path) else { return }
            if !Self.isSlug(id) { log.add(file, path, "invalid id '\(id)': expected a lowercase slug") }
        case .id(let kind):
            guard let id = nonEmptyString(value, at: path) else { return }
            checkResolves(EntityReference(type: kind, id: id), at: path)
        case .reference:
            validateReference(value, at: path)
        case .enumeration(let allowed):
            guard let s = nonEmptyString(value, at: path) else { return }
            if !allowed.contains(s) {
                log.add(file, path, "invalid value '\(s)': expected one of \(allowed.joined(separator: ", "))")
            }
        case .constant(let expected):
            guard let s = nonEmptyString(value, at: path) else { return }
            if s != expected { log.add(file, path, "invalid value '\(s)': expected '\(expected)'") }
        case .alpha3:
            guard let s = nonEmptyString(value, at: path) else { return }
            if s.unicodeScalars.count != 3 || !s.unicodeScalars.allSatisfy({ $0 >= "A" && $0 <= "Z" }) {
                log.add(file, path, "invalid alpha-3 code '\(s)': expected three uppercase letters")
            }
        case .sha256Hex:
            guard let s = nonEmptyString(value, at: path) else { return }
            if s.unicodeScalars.count != 64
                || !s.unicodeScalars.allSatisfy({ ($0 >= "0" && $0 <= "9") || ($0 >= "a" && $0 <= "f") })
            {
                log.add(file, path, "invalid sha256 '\(s)': expected 64 lowercase hex digits")
            }
        case .isoDate:
            guard let s = nonEmptyString(value, at: path) else { return }
            if !Self.isISODate(s) {
                log.add(file, path, "invalid date '\(s)': expected YYYY, YYYY-MM or YYYY-MM-DD")
            }
        case .timestamp:
            guard let s = nonEmptyString(value, at: path) else { return }
            if UTCTimestamp.secondsSince1970(s) == nil {
                log.add(file, path, "invalid time '\(s)': expected YYYY-MM-DDTHH:MM:SSZ (UTC, a real date and time)")
            }
        case .array(let element, let nonEmpty):
            guard case .array(let elements) = value else { return mismatch("array", value, at: path) }
            if nonEmpty && elements.isEmpty { log.add(file, path, "must not be empty") }
            for (i, e) in elements.enumerated() { validate(e, as: element, at: path.index(i)) }
        case .object(let spec):
            validate(value, against: spec, at: path)
        case .citation:
            validateTextSpan(value, against: Schema.citation, at: path)
        case .uncitedMention:
            validateTextSpan(value, against: Schema.uncitedMention, at: path)
        }
    }

    // MARK: - Pieces

    private mutating func mismatch(_ expected: String, _ value: JSONValue, at path: JSONPath) {
        log.add(file, path, "expected \(expected), found \(value.typeName)")
    }

    private mutating func nonEmptyString(_ value: JSONValue, at path: JSONPath) -> String? {
        guard case .string(let s) = value else {
            mismatch("string", value, at: path)
            return nil
        }
        if s.allSatisfy(\.isWhitespace) {
            log.add(file, path, "must not be empty")
            return nil
        }
        return s
    }

    private mutating func integer(_ value: JSONValue, minimum: Int, at path: JSONPath) -> Int? {
        guard case .number(let d, let isInteger) = value, isInteger, d.magnitude < 1e15 else {
            mismatch("integer", value, at: path)
            return nil
        }
        let n = Int(d)
        if n < minimum {
            log.add(file, path, "must be at least \(minimum), found \(n)")
            return nil
        }
        return n
    }

    /// The dataset is bilingual: exactly `ar` (the original) and `en` (a translation).
    private mutating func validateLanguageMap(
        _ value: JSONValue, at path: JSONPath,
        element: (inout Validator, JSONValue, JSONPath) -> Void
    ) {
        guard case .object(let members) = value else { return mismatch("language map", value, at: path) }
        var seen: Set<String> = []
        for member in members {
            guard seen.insert(member.key).inserted else {
                log.add(file, path.key(member.key), "duplicate key")
                continue
            }
            guard member.key == "ar" || member.key == "en" else {
                log.add(file, path.key(member.key), "unknown language '\(member.key)': expected 'ar' and 'en'")
                continue
            }
            element(&self, member.value, path.key(member.key))
        }
        for language in ["ar", "en"] where !seen.contains(language) {
            log.add(file, path.key(language), "missing language '\(language)'")
        }
    }

    private mutating func validateReference(_ value: JSONValue, at path: JSONPath) {
        let spec = ObjectSpec([
            .required("type", .enumeration(EntityKind.allCases.map(\.rawValue))),
            .required("id", .string),
        ])
        let before = log.problems.count
        validate(value, against: spec, at: path)
        guard log.problems.count == before,
            let type = value["type"]?.stringValue.flatMap(EntityKind.init(rawValue:)),
            let id = value["id"]?.stringValue
        else { return }
        checkResolves(EntityReference(type: type, id: id), at: path.key("id"))
    }

    private mutating func checkResolves(_ reference: EntityReference, at path: JSONPath) {
        if context.ids[reference.type]?.contains(reference.id) != true {
            log.add(file, path, "unknown \(reference.type.rawValue) id '\(reference.id)'")
        }
    }

    /// A citation or an uncited mention: its shape, then its offsets and quote against the text.
    private mutating func validateTextSpan(_ value: JSONValue, against spec: ObjectSpec, at path: JSONPath) {
        let before = log.problems.count
        validate(value, against: spec, at: path)
        guard log.problems.count == before,
            let source = value["source"]?.stringValue,
            let quote = value["quote"]?.stringValue,
            case .number(let p, _)? = value["paragraph"],
            case .number(let s, _)? = value["start"],
            case .number(let e, _)? = value["end"]
        else { return }
        let (paragraph, start, end) = (Int(p), Int(s), Int(e))
        if context.unreadableSources.contains(source) { return }
        guard let paragraphs = context.paragraphs[source] else {
            log.add(file, path.key("source"), "unknown source '\(source)'")
            return
        }
        guard paragraph >= 1 && paragraph <= paragraphs.count else {
            log.add(file, path.key("paragraph"), "paragraph \(paragraph) out of range 1...\(paragraphs.count)")
            return
        }
        let text = paragraphs[paragraph - 1]
        guard start < end else {
            log.add(file, path, "start \(start) must be less than end \(end)")
            return
        }
        guard end <= text.count else {
            log.add(file, path.key("end"), "end \(end) beyond paragraph \(paragraph) length \(text.count)")
            return
        }
        var actual = String.UnicodeScalarView()
        actual.append(contentsOf: text[start..<end])
        let actualText = String(actual)
        // Compare scalars, not Characters: String == is canonical equivalence, and the
        // offsets promise an exact scalar-for-scalar match.
        if !actualText.unicodeScalars.elementsEqual(quote.unicodeScalars) {
            log.add(
                file, path.key("quote"),
                "quote does not match the text at paragraph \(paragraph) [\(start), \(end)): the text there is «\(actualText)»"
            )
        }
    }

    // MARK: - Formats

    static func isSlug(_ s: String) -> Bool {
        let scalars = Array(s.unicodeScalars)
        guard let first = scalars.first, let last = scalars.last, first != "-", last != "-" else { return false }
        var previousDash = false
        for c in scalars {
            let isDash = c == "-"
            guard isDash || (c >= "a" && c <= "z") || (c >= "0" && c <= "9") else { return false }
            if isDash && previousDash { return false }
            previousDash = isDash
        }
        return true
    }

    static func isCountryID(_ s: String) -> Bool {
        let scalars = Array(s.unicodeScalars)
        return (scalars.count == 2 || scalars.count == 4) && scalars.allSatisfy { $0 >= "a" && $0 <= "z" }
    }

    static func isISODate(_ s: String) -> Bool {
        let parts = s.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return false }
        return parts.allSatisfy { part in
            let fields = part.split(separator: "-", omittingEmptySubsequences: false)
            let widths = fields.map(\.count)
            guard [[4], [4, 2], [4, 2, 2]].contains(widths),
                fields.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
            else { return false }
            if fields.count >= 2, let month = Int(fields[1]), !(1...12).contains(month) { return false }
            if fields.count == 3, let day = Int(fields[2]), !(1...31).contains(day) { return false }
            return true
        }
    }
}
