import Foundation
import Server
import Store
import TestSupport
import Testing

@testable import API

/// `APIHandler.reload`: new data swapped in whole; only the responses whose bytes changed get new ETags; the
/// validators come from the data, not from when it was loaded.
@Suite struct ReloadTests {
    /// The paths compared before and after: entities, collections, a sub-collection, paragraphs, the index.
    static let paths = [
        "/", "/countries/qa", "/countries/kz", "/countries", "/organizations", "/people", "/visits",
        "/organizations/oic/members", "/sources/kazakhstan-foreign-relations/paragraphs/1", "/countries?limit=2",
    ]

    private func changedStore() throws -> (Store, DataDirectoryCopy) {
        let copy = try DataDirectoryCopy()
        try copy.replace(
            "data/countries.json", DataDirectoryCopy.qatarDescription, with: "A Gulf state; edited for a reload test.")
        try copy.setModified("2026-11-30T08:00:00Z")
        return (try Store.load(from: copy.path), copy)
    }

    @Test func reload_servesTheNewData_andChangesOnlyTheETagsOfChangedBytes() throws {
        let client = APITestClient(options: BundledStore.options)
        let before = Dictionary(uniqueKeysWithValues: Self.paths.map { ($0, client.get($0)) })
        let (store, _) = try changedStore()

        let summary = try client.handler.reload(store: store)

        #expect(summary.previousVersion == BundledStore.store.datasetVersion)
        #expect(summary.version == store.datasetVersion)
        #expect(summary.version != summary.previousVersion)
        #expect(summary.changedResponses > 0 && summary.changedResponses < summary.responses / 10, "\(summary)")
        var unchanged = 0
        for path in Self.paths {
            let old = try #require(before[path])
            let new = client.get(path)
            #expect(new.status == 200, "\(path)")
            let sameBytes = old.body == new.body
            #expect((old.header("ETag") == new.header("ETag")) == sameBytes, "\(path): ETag follows the bytes")
            if sameBytes { unchanged += 1 }
        }
        #expect(unchanged >= 4, "most responses do not change with one description")
        #expect(client.get("/countries/qa").text.contains("edited for a reload test"))
        #expect(try client.get("/").object()["dataset_version"] as? String == store.datasetVersion)
    }

    /// A query answered (and cached) before a reload is answered from the new data after it.
    @Test func aCachedQueryAnswer_isNotServedAfterAReload() throws {
        let client = APITestClient(options: BundledStore.options)
        let target = "/countries?q=Qatar&fields=id,description"
        let before = client.get(target)
        #expect(before.status == 200)
        #expect(client.handler.cache.stats.entries > 0, "the answer was cached")
        #expect(client.get(target).body == before.body)
        #expect(!before.text.contains("edited for a reload test"))
        let (store, _) = try changedStore()
        _ = try client.handler.reload(store: store)
        #expect(client.get(target).text.contains("edited for a reload test"))
    }

    @Test func lastModified_isTheTimeTheDataRecords_beforeAndAfterAReload() throws {
        let client = APITestClient(options: BundledStore.options)
        let recorded = try #require(BundledStore.store.sources.first?.modified)
        #expect(
            client.get("/countries/kz").header("Last-Modified")
                == HTTPDate.format(secondsSince1970: try #require(UTCTimestamp.secondsSince1970(recorded))))
        let (store, _) = try changedStore()
        _ = try client.handler.reload(store: store)
        #expect(client.get("/countries/kz").header("Last-Modified") == "Mon, 30 Nov 2026 08:00:00 GMT")
    }

    @Test func reloads_andRefusedReloads_areCountedInMetrics() throws {
        let client = APITestClient(options: BundledStore.options)
        let (store, _) = try changedStore()
        _ = try client.handler.reload(store: store)
        client.handler.reloadFailed()
        client.handler.reloadFailed()
        let metrics = client.get("/metrics").text
        #expect(metrics.contains("\nkazakhstan_api_reloads_total 1\n"))
        #expect(metrics.contains("\nkazakhstan_api_reload_failures_total 2\n"))
        #expect(metrics.contains("kazakhstan_api_dataset_info{dataset_version=\"\(store.datasetVersion)\"} 1"))
        #expect(metrics.contains("\nkazakhstan_api_dataset_modified_timestamp_seconds 1796025600\n"))
    }

    /// Requests answered while reloads swap datasets under them are whole answers of one dataset or the other.
    @Test func requestsDuringReloads_areAnsweredFromOneDatasetOrTheOther() async throws {
        let client = APITestClient(options: BundledStore.options)
        let (store, _) = try changedStore()
        let old = client.get("/countries/qa").body
        let finished = Locked(false)
        let reloading = Task.detached {
            defer { finished.withLock { $0 = true } }
            for round in 0..<4 { _ = try client.handler.reload(store: round % 2 == 0 ? store : BundledStore.store) }
        }
        var answers = 0
        var edited = 0
        // Until the reloads are done (bounded by them: four builds of the dataset's responses).
        while !finished.withLock({ $0 }) {
            let body = client.get("/countries/qa").body
            let isEdited = String(decoding: body, as: UTF8.self).contains("edited for a reload test")
            #expect(body == old || isEdited)
            answers += 1
            if isEdited { edited += 1 }
        }
        try await reloading.value
        #expect(answers > 0 && edited > 0, "\(answers) answers, \(edited) from the edited data")
        #expect(client.get("/countries/qa").body == old, "the last reload put the bundled data back")
    }
}
