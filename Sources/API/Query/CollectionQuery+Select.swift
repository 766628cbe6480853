import JSON
import Store

extension CollectionQuery {
    /// Filters, searches and sorts `rows`, then cuts the requested page.
    /// `rank` gives a row's position among the `q` hits (nil = not a hit); without `sort`, hits keep rank order.
    func select(_ rows: [CollectionItem], rank: ((CollectionItem) -> Int?)?) -> (
        total: Int, page: ArraySlice<CollectionItem>
    ) {
        // `id=`: each id's place in the list, which orders the rows unless `sort` or `q` does.
        let wanted = ids.map { Dictionary($0.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: min) }
        var matched = rows.enumerated().filter { _, row in
            for (name, values) in filters where !(row.filterValues[name] ?? []).contains(where: values.contains) {
                return false
            }
            if let citedIn, !row.citedIn.contains(where: citedIn.contains) { return false }
            if let wanted, !(row.id.map(wanted.keys.contains) ?? false) { return false }
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
        } else if let wanted {
            matched.sort { (wanted[$0.element.id ?? ""] ?? .max) < (wanted[$1.element.id ?? ""] ?? .max) }
        }
        let total = matched.count
        let start = min(offset, total)
        let end = min(start + limit, total)
        return (total, matched[start..<end].map(\.element)[...])
    }

    /// Rows as this request wants them, and the document's top-level `included` (nil without `include`): `lang`
    /// makes every `{ar, en}` a string in that language (rows carry both forms ready); `include` gives each row a
    /// `relationships` member, per relation the references (`id`, `type`, `href`) of its related entities, and puts
    /// each related entity once in `included` (one level), narrowed by `fields[type]`; `fields` keeps only the
    /// named fields of the rows (plus `id`, `type`, `href` and `relationships`, which links need).
    /// A compound document holds one copy of each entity (JSON:API): a related entity that is itself on the page
    /// (`/events?include=events`) is linked but not included again.
    func render(_ rows: [CollectionItem], catalog: Catalog) -> (data: [JSONValue], included: [JSONValue]?) {
        var included: [JSONValue] = []
        var seen = Set(include.isEmpty ? [] : rows.compactMap(\.ref))
        let data = rows.map { row in
            var value = row.measured(in: offsets ?? .scalar).representation(in: lang)
            if !include.isEmpty, let ref = row.ref, case .object(var members) = value {
                var linkage: [(key: String, value: JSONValue)] = []
                for name in include {
                    let related = catalog.relatedItems(ref, name) ?? []
                    linkage.append(
                        (key: name, value: .array(related.compactMap { $0.ref.map(catalog.representer.reference) })))
                    for item in related where item.ref.map({ seen.insert($0).inserted }) ?? false {
                        included.append(shapeIncluded(item))
                    }
                }
                members.append((key: "relationships", value: .object(linkage)))
                value = .object(members)
            }
            if let fields { value = project(value, fields, bothLanguages: bothLanguages(row)) }
            return value
        }
        return (data, include.isEmpty ? nil : included)
    }

    /// An included entity: in the request's language, narrowed by `fields[type]` when given.
    private func shapeIncluded(_ item: CollectionItem) -> JSONValue {
        let value = item.measured(in: offsets ?? .scalar).representation(in: lang)
        guard let type = item.ref?.type.rawValue, let fields = typedFields[type] else { return value }
        return project(value, fields, bothLanguages: bothLanguages(item))
    }

    /// The row with its `{ar, en}` values whole, where `lang` has made them strings (nil without `lang`).
    private func bothLanguages(_ row: CollectionItem) -> JSONValue? {
        lang == nil ? nil : row.measured(in: offsets ?? .scalar).representation(in: nil)
    }

    /// `fields` applied to `value`. A sub-field of a localized value (`name.en`) is taken from `bothLanguages`
    /// when `lang` has made it a string: `lang=ar&fields=name.en` gives `{"en": …}`, what was asked for, never
    /// the Arabic string kept whole.
    private func project(_ value: JSONValue, _ fields: [String], bothLanguages: JSONValue?) -> JSONValue {
        guard case .object(let members) = value else { return value }
        var whole: Set<String> = ["id", "type", "href", "relationships"]
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
            } else if let keep = partial[member.key] {
                var source = member.value
                if source.objectMembers == nil, let both = bothLanguages?[member.key] { source = both }
                guard case .object(let sub) = source else {
                    out.append(member)
                    continue
                }
                out.append((key: member.key, value: .object(sub.filter { keep.contains($0.key) })))
            }
        }
        return .object(out)
    }

    /// `ar, en` by default; the one language asked for with `lang`, unless `fields` (or `fields[type]`) keeps a
    /// sub-field in the other language (`lang=ar&fields=name.en`), which the body then holds too.
    var contentLanguage: String {
        guard let lang else { return "ar, en" }
        let other = "." + (lang == .ar ? Language.en : Language.ar).rawValue
        // `fields=name,name.en` keeps `name` whole, a string in `lang`.
        let lists = [fields ?? []] + Array(typedFields.values)
        let keepsOther = lists.contains { names in
            names.contains { $0.hasSuffix(other) && !names.contains(String($0.dropLast(other.count))) }
        }
        return keepsOther ? "ar, en" : lang.rawValue
    }
}
