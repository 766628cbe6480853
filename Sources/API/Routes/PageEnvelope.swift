import JSON
import Store

/// A collection page's envelope around its `data`: `included`, `links`, `meta` and `suggestions`, written by one
/// shape generic over its sink. A page whose items write their own bytes is written straight to bytes with it (the
/// envelope built as a tree, written and freed cost ~20K instructions per search answer); the tree, from the same
/// calls, is for what reads or rewrites a body and for every other page.
struct PageEnvelope: Sendable {
    var included: [JSONValue]?
    var first: String
    var last: String
    var next: String?
    var prev: String?
    var current: String
    var count: Int
    var limit: Int
    var offset: Int
    var offsets: OffsetUnit?
    var total: Int
    var suggestions: [JSONValue]?

    /// The envelope's members, `data` written by `data`; in their keys' byte order, as `JSONObjectSink` wants.
    func write<S: JSONObjectSink>(into sink: inout S, data: (inout S) -> Void) {
        data(&sink)
        if let included { sink.member(Key.included, json: .array(included)) }
        sink.member(Key.links) { links in
            links.member(Key.first, first)
            links.member(Key.last, last)
            links.member(Key.next, json: next.map { .string($0) } ?? .null)
            links.member(Key.prev, json: prev.map { .string($0) } ?? .null)
            links.member(Key.current, current)
        }
        sink.member(Key.meta) { meta in
            meta.member(Key.count, count)
            meta.member(Key.limit, limit)
            meta.member(Key.offset, offset)
            if let offsets { meta.member(CollectionQuery.offsetsKey, offsets.rawValue) }
            meta.member(Key.total, total)
        }
        if let suggestions { sink.member(Key.suggestions, json: .array(suggestions)) }
    }

    /// The envelope as a tree, `data` its `data` member.
    func tree(data: JSONValue) -> JSONValue {
        JSONTreeSink.object { write(into: &$0) { $0.member(Key.data, json: data) } }
    }

    enum Key {
        static let data = JSONKey("data")
        static let included = JSONKey("included")
        static let links = JSONKey("links")
        static let meta = JSONKey("meta")
        static let suggestions = JSONKey("suggestions")
        static let first = JSONKey("first")
        static let last = JSONKey("last")
        static let next = JSONKey("next")
        static let prev = JSONKey("prev")
        static let current = JSONKey("self")
        static let count = JSONKey("count")
        static let limit = JSONKey("limit")
        static let offset = JSONKey("offset")
        static let total = JSONKey("total")
    }
}
