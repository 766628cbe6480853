import JSON
import Store

/// A page of search hits that nothing reshapes (no `lang`, `fields` or `pretty`): written straight to bytes by the
/// hit's one shape (`SearchRoute.write`), with no tree to build, walk and free; its values only for what reads or
/// rewrites the body (rebasing under a forwarded base, OpenAPI examples).
struct HitPage: SelfWritingItems {
    let hits: [SearchHit]
    let catalog: Catalog
    let offsets: OffsetUnit?

    func values() -> [JSONValue] {
        hits.map { hit in JSONTreeSink.object { SearchRoute.write(hit, catalog: catalog, offsets: offsets, into: &$0) }
        }
    }

    func write(into sink: inout JSONByteSink) {
        sink.array(objects: hits) { SearchRoute.write($0, catalog: catalog, offsets: offsets, into: &$1) }
    }

    /// A hit's bytes are mostly its snippet's; the rest (keys, links, offsets, name) is a few hundred.
    var estimatedBytes: Int { hits.reduce(0) { $0 + $1.snippet.utf8.count + 400 } }
}
