import JSON
import Store

extension CollectionQuery {
    /// Filters, searches and sorts `rows`, then cuts the requested page.
    /// `rank` gives a row's position among the `q` hits (nil = not a hit); without `sort`, hits keep rank order.
    func select(_ rows: [CollectionItem], rank: ((CollectionItem) -> Int?)?) -> (
        total: Int, page: ArraySlice<CollectionItem>
    ) {
        var matched = rows.enumerated().filter { _, row in
            for (name, values) in filters where !(row.filterValues[name] ?? []).contains(where: values.contains) {
                return false
            }
            if let citedIn, !row.citedIn.contains(where: citedIn.contains) { return false }
            return true
        }
        var ranks: [Int: Int] = [:]
        if q != nil, let rank {
            matched = matched.filter { index, row in
                guard let r = rank(row) else { return false }
                ranks[index] = r
                return true
            }
        }
        if !sort.isEmpty {
            matched.sort { a, b in
                for (field, descending) in sort {
                    let x = a.element.sortKeys[field] ?? .missing
                    let y = b.element.sortKeys[field] ?? .missing
                    if x == y { continue }
                    if x.isMissing { return false }
                    if y.isMissing { return true }
                    return descending ? y < x : x < y
                }
                return a.offset < b.offset  // stable: the curated order breaks ties
            }
        } else if q != nil {
            matched.sort { (ranks[$0.offset] ?? .max, $0.offset) < (ranks[$1.offset] ?? .max, $1.offset) }
        }
        let total = matched.count
        let start = min(offset, total)
        let end = min(start + limit, total)
        return (total, matched[start..<end].map(\.element)[...])
    }

    /// A row as this request wants it: `lang` adds the flat `label` and makes `description` a string in that
    /// language; `include` embeds related entities (one level); `fields` keeps only the named fields (plus `id`,
    /// `type` and `href`, which links need).
    func render(_ row: CollectionItem, catalog: Catalog) -> JSONValue {
        var value = localized(row.measured(in: offsets ?? .scalar))
        if !include.isEmpty, let ref = row.ref, case .object(var members) = value {
            var included: [(key: String, value: JSONValue)] = []
            for name in include {
                let related = catalog.relatedItems(ref, name) ?? []
                included.append(
                    (key: name, value: .array(related.map { localized($0.measured(in: offsets ?? .scalar)) })))
            }
            members.append((key: "included", value: .object(included)))
            value = .object(members)
        }
        if let fields { value = project(value, fields) }
        return value
    }

    private func localized(_ row: CollectionItem) -> JSONValue {
        guard let lang, case .object(var members) = row.representation else { return row.representation }
        if let name = row.name {
            members.append((key: "label", value: .string(lang == .ar ? name.ar : name.en)))
        }
        if let description = row.description, let i = members.firstIndex(where: { $0.key == "description" }) {
            members[i].value = .string(lang == .ar ? description.ar : description.en)
        }
        return .object(members)
    }

    private func project(_ value: JSONValue, _ fields: [String]) -> JSONValue {
        guard case .object(let members) = value else { return value }
        var whole: Set<String> = ["id", "type", "href", "included"]
        var partial: [String: Set<String>] = [:]
        for field in fields {
            let parts = field.split(separator: ".", maxSplits: 1)
            if parts.count == 2 {
                partial[String(parts[0]), default: []].insert(String(parts[1]))
            } else {
                whole.insert(field)
            }
        }
        var out: [(key: String, value: JSONValue)] = []
        for member in members {
            if whole.contains(member.key) {
                out.append(member)
            } else if let keep = partial[member.key], case .object(let sub) = member.value {
                out.append((key: member.key, value: .object(sub.filter { keep.contains($0.key) })))
            }
        }
        return .object(out)
    }

    /// `ar, en` by default; the one language asked for with `lang`.
    var contentLanguage: String { lang?.rawValue ?? "ar, en" }
}
