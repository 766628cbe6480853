/// Every link in a decoded JSON body (`JSONSerialization` values): strings under `href`, `self`, `first`, `prev`,
/// `next`, `last` or `collection`, and every string member of a `links` object. For the tests that check where links
/// point (behind a proxy, under a prefix).
public func allLinks(in value: Any, key: String? = nil) -> [String] {
    switch value {
    case let object as [String: Any]:
        return object.flatMap { allLinks(in: $0.value, key: key == "links" ? "links" : $0.key) }
    case let array as [Any]:
        return array.flatMap { allLinks(in: $0, key: key) }
    case let string as String:
        return ["href", "self", "first", "prev", "next", "last", "collection", "links"].contains(key ?? "")
            ? [string] : []
    default:
        return []
    }
}
