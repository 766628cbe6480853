import Foundation
import TestSupport
import Testing

@testable import Store

@Suite struct DeterministicJSONTests {
    struct Sample: Encodable {
        var zeta = "a/b"
        var alpha = "قطر"
        var middle = [3, 1]
    }

    @Test func encode_sortsKeys_keepsSlashes_andWritesArabicAsUTF8() throws {
        let bytes = try DeterministicJSON.encode(Sample())
        #expect(String(decoding: bytes, as: UTF8.self) == #"{"alpha":"قطر","middle":[3,1],"zeta":"a/b"}"#)
    }

    @Test func encode_pretty_isStillSorted() throws {
        let text = String(decoding: try DeterministicJSON.encode(Sample(), pretty: true), as: UTF8.self)
        let alpha = try #require(text.range(of: "alpha"))
        let zeta = try #require(text.range(of: "zeta"))
        #expect(alpha.lowerBound < zeta.lowerBound)
        #expect(text.contains("\n"))
    }

    @Test func encode_ofEveryBundledEntity_isByteIdenticalAcrossLoads() throws {
        let first = try Store.load(from: RepositoryPaths.resources.path)
        let second = try Store.load(from: RepositoryPaths.resources.path)
        for kind in EntityKind.allCases {
            let a = try first.entities(of: kind).map { try DeterministicJSON.encode($0) }
            let b = try second.entities(of: kind).map { try DeterministicJSON.encode($0) }
            #expect(a == b)
            #expect(!a.contains { String(decoding: $0, as: UTF8.self).contains("\\u") })
        }
    }
}
