import JSON

extension RouteResult {
    /// The same answer with every link moved under `base` (a forwarded `https://host/prefix`): the body's links, the
    /// page's `Link` targets and a redirect's `Location`. Routes build links with the configured (relative) base, so
    /// a forwarded base needs no catalog of its own: its answers are the standard ones, rebased.
    ///
    /// A link is, by the representations' construction (`EntityRepresenter`, `CollectionEnvelope`, the routes), a
    /// string under an `href` key or a string member of a `links` object; nothing else is. A test compares every
    /// precomputed answer rebased with the answer from a catalog built for the base.
    func rebased(onto base: String) -> RouteResult {
        switch self {
        case .resource(var resource):
            resource.body = RouteResult.rebase(resource.body, onto: base)
            if var page = resource.page {
                page.links = page.links.map { (rel: $0.rel, target: base + $0.target) }
                resource.page = page
            }
            return .resource(resource)
        case .redirect(let location):
            return .redirect(location: base + location)
        case .problem, .text:
            return self
        }
    }

    private static func rebase(_ value: JSONValue, onto base: String) -> JSONValue {
        switch value {
        case .array(let items):
            return .array(items.map { rebase($0, onto: base) })
        case .object(let members):
            return .object(
                members.map { member in
                    switch (member.key, member.value) {
                    case ("href", .string(let link)):
                        return (key: member.key, value: .string(base + link))
                    case ("links", .object(let links)):
                        let rebased = links.map { link in
                            (key: link.key, value: link.value.stringValue.map { .string(base + $0) } ?? link.value)
                        }
                        return (key: member.key, value: .object(rebased))
                    default:
                        return (key: member.key, value: rebase(member.value, onto: base))
                    }
                })
        case .null, .bool, .number, .string:
            return value
        }
    }
}
