import Foundation
import Testing
@testable import Store

@Suite struct BundledDataTests {
    static let store: Store? = try? Store.load(from: TestPaths.bundledResources)

    @Test func bundledResources_loadWithoutProblems() {
        do {
            _ = try Store.load(from: TestPaths.bundledResources)
        } catch {
            Issue.record("bundled data has problems:\n\(error)")
        }
    }
}
