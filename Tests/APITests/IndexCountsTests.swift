import Foundation
import Store
import Testing

@testable import API

/// `/` says how many items each collection holds, the same number the collection gives in `X-Total-Count`.
@Suite struct IndexCountsTests {
    let client = BundledStore.client

    @Test func eachCount_isTheCollectionsTotal() throws {
        let counts = try #require(try client.get("/").object()["counts"] as? [String: Int])
        #expect(Set(counts.keys) == Set(EntityKind.allCases.map(\.rawValue) + ["sources", "paragraphs"]))
        for kind in EntityKind.allCases.map(\.rawValue) + ["sources"] {
            let total = client.get("/\(kind)?limit=1").header("X-Total-Count")
            #expect(counts[kind].map(String.init) == total, "\(kind)")
            #expect((counts[kind] ?? 0) > 0, "\(kind)")
        }
        var paragraphs = 0
        for id in try client.get("/sources").ids() {
            paragraphs += Int(client.get("/sources/\(id)/paragraphs?limit=1").header("X-Total-Count") ?? "") ?? -1
        }
        #expect(counts["paragraphs"] == paragraphs)
    }
}
