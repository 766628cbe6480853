import Foundation

/// A throwaway copy of the bundled data directory (`Resources`) to change and load or serve; removed when dropped.
/// What an operator does before a reload: edit the files in place.
public final class DataDirectoryCopy: @unchecked Sendable {
    public let path: String

    public init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("data-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: RepositoryPaths.resources.path, toPath: path)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    public func read(_ relative: String) throws -> String {
        try String(contentsOfFile: path + "/" + relative, encoding: .utf8)
    }

    public func write(_ relative: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path + "/" + relative))
    }

    public enum EditError: Error { case notExactlyOnce(String, String) }

    /// Replaces the one occurrence of `old` in the file; throws when it occurs zero or several times.
    public func replace(_ relative: String, _ old: String, with new: String) throws {
        let parts = try read(relative).components(separatedBy: old)
        guard parts.count == 2 else { throw EditError.notExactlyOnce(relative, old) }
        try write(relative, parts.joined(separator: new))
    }

    /// The bundled source's metadata file, where `modified` is recorded.
    public static let sourceMetadata = "sources/kazakhstan-foreign-relations.json"

    /// Sets the `modified` time the data records (an RFC 3339 UTC instant).
    public func setModified(_ time: String) throws {
        let text = try read(Self.sourceMetadata)
        guard let range = text.range(of: #""modified": "[^"]*""#, options: .regularExpression) else {
            throw EditError.notExactlyOnce(Self.sourceMetadata, "modified")
        }
        try write(Self.sourceMetadata, text.replacingCharacters(in: range, with: "\"modified\": \"\(time)\""))
    }

    /// Qatar's English description: one exact string, in countries.json alone.
    public static let qatarDescription =
        "Gulf state whose Emir visited Astana, the first visit of its kind to a former Soviet republic."
}
