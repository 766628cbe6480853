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
        let (envelope, page) = envelope(
            count: data.count, included: included, total: total, query: query, path: path, catalog: catalog,
            suggestions: suggestions)
        return Resource(
            body: envelope.tree(data: .array(data)), pretty: query.pretty, contentLanguage: query.contentLanguage,
            page: page)
    }

    /// A page whose items write their own bytes (`SelfWritingItems`): nothing reshapes them, and the body is compact.
    static func resource(
        writing items: some SelfWritingItems, count: Int, total: Int, query: CollectionQuery, path: String,
        catalog: Catalog, suggestions: [JSONValue]? = nil
    ) -> Resource {
        let (envelope, page) = envelope(
            count: count, included: nil, total: total, query: query, path: path, catalog: catalog,
            suggestions: suggestions)
        return Resource(envelope: envelope, data: items, contentLanguage: query.contentLanguage, page: page)
    }

    /// The envelope around `count` items, and its fields.
    private static func envelope(
        count: Int, included: [JSONValue]?, total: Int, query: CollectionQuery, path: String, catalog: Catalog,
        suggestions: [JSONValue]?
    ) -> (envelope: PageEnvelope, page: PageFields) {
        let limit = query.limit
        let lastOffset = total == 0 ? 0 : ((total - 1) / limit) * limit
        // Every page link is the same query but for its offset: the query (a search's `q` is long once encoded) is
        // encoded once.
        let prefix = catalog.links.queryPrefix(path, query.linkPairs + [("limit", String(limit))])
        func page(_ offset: Int) -> String { LinkBuilder.page(prefix, offset: offset) }
        let prev: Int? = query.offset > 0 ? max(0, min(query.offset - limit, lastOffset)) : nil
        let next: Int? = query.offset + limit < total ? query.offset + limit : nil
        // Each link is made once, for the body and the `Link` field.
        let envelope = PageEnvelope(
            included: included, first: page(0), last: page(lastOffset), next: next.map(page), prev: prev.map(page),
            current: page(query.offset), count: count, limit: limit, offset: query.offset, offsets: query.offsets,
            total: total, suggestions: suggestions)
        var linkTargets: [(rel: String, target: String)] = [("first", envelope.first)]
        if let prev = envelope.prev { linkTargets.append(("prev", prev)) }
        if let next = envelope.next { linkTargets.append(("next", next)) }
        linkTargets.append(("last", envelope.last))
        return (envelope, PageFields(total: total, links: linkTargets))
    }
}
