import Store

extension Router.Route {
    /// Parameterless GETs whose answer never changes while the process runs. `/readyz` changes at shutdown,
    /// `/metrics` with every request, and `/search` needs `q`, so they are computed per request.
    var isPrecomputable: Bool { !isDynamic && template != "/search" }

    /// `/{kind}/{id}/{relation}`: the sub-collections, the bulk of the parameterless responses.
    var isRelation: Bool {
        guard segments.count == 3, case .literal(let first) = segments[0], EntityKind(rawValue: first) != nil,
            case .parameter = segments[1], case .literal = segments[2]
        else { return false }
        return true
    }

    /// Answers that change while the process runs, so no response of theirs is ever cached.
    var isDynamic: Bool { template == "/readyz" || template == "/metrics" }

    /// Every concrete path of this template, with the parameter values that fill it: `{id}` takes each id of the
    /// kind named by the first segment (or each source id under `/sources`), `{n}` each paragraph number.
    func concretePaths(catalog: Catalog) -> [(path: String, parameters: [String: String])] {
        var results: [(path: String, parameters: [String: String])] = [("", [:])]
        let first: String? = if case .literal(let s)? = segments.first { s } else { nil }
        for segment in segments {
            switch segment {
            case .literal(let literal):
                results = results.map { ($0.path + "/" + literal, $0.parameters) }
            case .parameter(let name):
                let values: [String]
                if name == "n" {
                    values = (1...max(1, catalog.store.source.paragraphCount)).map(String.init)
                } else if first == "sources" {
                    values = catalog.store.sources.map(\.id)
                } else if let kind = first.flatMap(EntityKind.init(rawValue:)) {
                    values = (catalog.items[kind] ?? []).compactMap(\.ref?.id)
                } else {
                    values = []
                }
                results = results.flatMap { partial in
                    values.map { value in
                        var parameters = partial.parameters
                        parameters[name] = value
                        return (partial.path + "/" + PathSegment.encode(value), parameters)
                    }
                }
            }
        }
        return results.map { ($0.path.isEmpty ? "/" : $0.path, $0.parameters) }
    }
}
