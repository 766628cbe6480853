import JSON

/// `lang=`: every localized value becomes the plain value in one language, wherever it sits. By the API's
/// convention a localized value is an object whose keys are exactly `ar` and `en`, both strings (`name`,
/// `description`, a source's `title`, a mention's `name`) or both arrays of strings (`aliases`); so one walk covers
/// every field, present and future, with no list of names to keep in step.
enum Localizer {
    static func localize(_ value: JSONValue, to lang: CollectionQuery.Language) -> JSONValue {
        switch value {
        case .object(let members):
            if let picked = pick(members, lang) { return picked }
            return .object(members.map { (key: $0.key, value: localize($0.value, to: lang)) })
        case .array(let items):
            return .array(items.map { localize($0, to: lang) })
        default:
            return value
        }
    }

    /// The member for `lang` when `members` is a localized value, else nil.
    static func pick(_ members: [(key: String, value: JSONValue)], _ lang: CollectionQuery.Language) -> JSONValue? {
        guard members.count == 2, Set(members.map(\.key)) == ["ar", "en"],
            members.allSatisfy({ isText($0.value) })
        else { return nil }
        return members.first { $0.key == lang.rawValue }?.value
    }

    private static func isText(_ value: JSONValue) -> Bool {
        switch value {
        case .string: true
        case .array(let items): items.allSatisfy { $0.stringValue != nil }
        default: false
        }
    }
}
