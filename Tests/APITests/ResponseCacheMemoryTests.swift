import Server
import Testing

@testable import API

/// What the cache keeps is what its budget counts: bodies in buffers of their own size.
@Suite struct ResponseCacheMemoryTests {
    private func response(bodyCount: Int, reserved: Int) -> PreparedResponse {
        var body: [UInt8] = []
        body.reserveCapacity(reserved)
        body.append(contentsOf: (0..<bodyCount).map { UInt8(truncatingIfNeeded: $0) })
        var headers = Headers()
        headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
        return PreparedResponse(status: .ok, headers: headers, body: body, etag: nil, route: "/search")
    }

    @Test func aBodyWrittenIntoALargerBuffer_isKeptInOneOfItsOwnSize() {
        let loose = response(bodyCount: 4_500, reserved: 9_000)
        #expect(loose.body.capacity >= 9_000)
        let kept = loose.compacted()
        #expect(kept.body == loose.body)
        #expect(kept.body.capacity < 4_500 + 4_500 / 16)
    }

    @Test func aBodyAlmostTheSizeOfItsBuffer_isNotCopied() {
        let tight = response(bodyCount: 4_000, reserved: 4_000)
        let kept = tight.compacted()
        #expect(kept.body == tight.body)
        #expect(
            kept.body.withUnsafeBufferPointer { $0.baseAddress }
                == tight.body.withUnsafeBufferPointer { $0.baseAddress })
    }

    @Test func theCache_storesTheCompactedBody() throws {
        let cache = ResponseCache(budget: 1 << 20)
        let key = try #require(ResponseCacheKey(base: "", path: "/search", rawQuery: "q=x"))
        cache.put(key, response(bodyCount: 3_000, reserved: 12_000))
        let stored = cache.get(key)
        #expect(stored?.body.count == 3_000)
        #expect((stored?.body.capacity ?? .max) < 3_000 + 3_000 / 16)
    }
}
