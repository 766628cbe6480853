import Foundation
import Testing

@testable import Store

/// A throwaway copy of the valid fixture to break one rule in; removed when dropped.
final class FixtureCopy {
    let root: String

    init() throws {
        root =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("store-fixture-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: ValidFixture.path, toPath: root)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func path(_ relative: String) -> String { root + "/" + relative }

    func read(_ relative: String) throws -> String {
        try String(contentsOfFile: path(relative), encoding: .utf8)
    }

    func write(_ relative: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path(relative)))
    }

    func writeBytes(_ relative: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path(relative)))
    }

    /// Replaces exactly one occurrence of `old` in the file; fails the test if it is not unique.
    func replace(_ relative: String, _ old: String, with new: String) throws {
        let text = try read(relative)
        let parts = text.components(separatedBy: old)
        try #require(parts.count == 2, "expected exactly one '\(old)' in \(relative)")
        try write(relative, parts.joined(separator: new))
    }

    /// Loads the copy, expecting failure; returns the problems.
    func problems() -> [LoadProblem] {
        do {
            _ = try Store.load(from: root)
            Issue.record("expected the load to fail")
            return []
        } catch {
            return error.problems
        }
    }
}
