import JSON
import Store

/// The collection envelope: `{"data": [...], "meta": {"total", "count", "limit", "offset"}, "links": {"self",
/// "first", "prev", "next", "last"}}`, with the same numbers in `X-Total-Count` and an RFC 8288 `Link` field; with
/// `include`, a top-level `included` array holds each related entity once (a compound document).
enum CollectionEnvelope {
    /// `suggestions`: a search's "did you mean", added as a top-level member when given.
    static func resource(
        rows: [CollectionItem], total: Int, query: CollectionQuery, path: String, catalog: Catalog,
        suggestions: [JSONValue]? = nil
    ) -> Resource {
        let (data, included) = query.render(rows, catalog: catalog)
        let (body, page) = envelope(
            data: .array(data), count: data.count, included: included, total: total, query: query, path: path,
            catalog: catalog, suggestions: suggestions)
        return Resource(body: body, pretty: query.pretty, contentLanguage: query.contentLanguage, page: page)
    }

    /// A page whose items write their own bytes (`SelfWritingItems`): nothing reshapes them, and the body is compact.
    static func resource(
        writing items: some SelfWritingItems, count: Int, total: Int, query: CollectionQuery, path: String,
        catalog: Catalog, suggestions: [JSONValue]? = nil
    ) -> Resource {
        let (body, page) = envelope(
            data: .array([]), count: count, included: nil, total: total, query: query, path: path, catalog: catalog,
            suggestions: suggestions)
        return Resource(envelope: body, data: items, contentLanguage: query.contentLanguage, page: page)
    }

    /// The envelope around `data` (`count` items), and its fields.
    private static func envelope(
        data: JSONValue, count: Int, included: [JSONValue]?, total: Int, query: CollectionQuery, path: String,
        catalog: Catalog, suggestions: [JSONValue]?
    ) -> (body: JSONValue, page: PageFields) {
        let limit = query.limit
        let lastOffset = total == 0 ? 0 : ((total - 1) / limit) * limit
        // Every page link is the same query but for its offset: the query (a search's `q` is long once encoded) is
        // encoded once.
        let prefix = catalog.links.queryPrefix(path, query.linkPairs + [("limit", String(limit))])
        func page(_ offset: Int) -> String { LinkBuilder.page(prefix, offset: offset) }
        let prev: Int? = query.offset > 0 ? max(0, min(query.offset - limit, lastOffset)) : nil
        let next: Int? = query.offset + limit < total ? query.offset + limit : nil
        // Each link is made once, for the body and the `Link` field.
        let first = page(0)
        let last = page(lastOffset)
        let nextLink = next.map(page)
        let prevLink = prev.map(page)
        // Every object is built in its keys' byte order, the order `JSONWriter` writes, so none is sorted.
        let links: [(key: String, value: JSONValue)] = [
            (key: "first", value: .string(first)),
            (key: "last", value: .string(last)),
            (key: "next", value: nextLink.map { .string($0) } ?? .null),
            (key: "prev", value: prevLink.map { .string($0) } ?? .null),
            (key: "self", value: .string(page(query.offset))),
        ]
        var members: [(key: String, value: JSONValue)] = [(key: "data", value: data)]
        if let included { members.append((key: "included", value: .array(included))) }
        members.append((key: "links", value: .object(links)))
        members.append(
            (
                key: "meta",
                value: .object(
                    [
                        (key: "count", value: .integer(count)),
                        (key: "limit", value: .integer(limit)),
                        (key: "offset", value: .integer(query.offset)),
                    ] + query.offsetsMeta + [(key: "total", value: .integer(total))])
            ))
        if let suggestions { members.append((key: "suggestions", value: .array(suggestions))) }
        let body: JSONValue = .object(members)
        var linkTargets: [(rel: String, target: String)] = [("first", first)]
        if let prevLink { linkTargets.append(("prev", prevLink)) }
        if let nextLink { linkTargets.append(("next", nextLink)) }
        linkTargets.append(("last", last))
        return (body, PageFields(total: total, links: linkTargets))
    }
}
