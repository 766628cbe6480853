import Foundation
import TestSupport

/// The small, complete dataset under Fixtures/valid that every loader and validation test starts from.
enum ValidFixture {
    static let path = RepositoryPaths.tests("StoreTests").appendingPathComponent("Fixtures/valid").path
}
