import JSON
import Store
import Testing

@testable import API

/// A page of hits written straight to bytes is what the writer gives for the same hits as values: the hit's shape
/// is written once (`SearchRoute.write`), for either sink, in the order the writer sorts keys in.
@Suite struct SearchHitPageTests {
    @Test(arguments: ["كازاخستان", "رئيس دولة كازاخستان", "Qatar", "نزارباييف", "zzzz"])
    func hitsWrittenToBytes_equalTheWrittenValues(q: String) throws {
        let catalog = try Catalog(store: BundledStore.store, links: LinkBuilder(publicURL: nil))
        let results = catalog.store.searchIndex.results(q)
        let hits = (0..<min(results.count, 60)).map { results.hit(at: $0) }
        for offsets in [nil, OffsetUnit.scalar, .utf16] {
            let page = HitPage(hits: hits, catalog: catalog, offsets: offsets)
            var sink = JSONByteSink()
            page.write(into: &sink)
            #expect(
                sink.bytes == JSONWriter.write(.array(page.values())), "q=\(q) offsets=\(String(describing: offsets))")
        }
    }

    @Test func aSearchResource_givesItsWholeBody_toWhatReadsIt() throws {
        let catalog = try Catalog(store: BundledStore.store, links: LinkBuilder(publicURL: nil))
        let results = catalog.store.searchIndex.results("كازاخستان")
        let hits = (0..<3).map { results.hit(at: $0) }
        let page = HitPage(hits: hits, catalog: catalog, offsets: nil)
        for (prev, offsets, suggestions) in [(nil, nil, nil), ("/p", OffsetUnit.utf16, [JSONValue.string("s\"")])] {
            let envelope = PageEnvelope(
                included: nil, first: "/f", last: "/l", next: "/n", prev: prev, current: "/c", count: 3, limit: 3,
                offset: 0, offsets: offsets, total: 7, suggestions: suggestions)
            let resource = Resource(
                envelope: envelope, data: page, contentLanguage: "ar, en", page: PageFields(total: 3, links: []))
            #expect(resource.body["data"] == .array(page.values()))
            #expect(resource.body["links"]?["prev"] == prev.map { .string($0) } ?? .null)
            #expect(resource.bytes() == JSONWriter.write(resource.body))
        }
    }
}
