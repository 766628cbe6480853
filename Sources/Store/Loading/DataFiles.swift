import FoundationEssentials
import JSON

/// Reading files of a data directory as bytes, turning every failure into a `LoadProblem`.
struct DataFiles {
    let root: String

    func path(_ relative: String) -> String { root.hasSuffix("/") ? root + relative : root + "/" + relative }

    func isDirectory(_ relative: String) -> Bool {
        var isDirectory = false
        return FileManager.default.fileExists(atPath: path(relative), isDirectory: &isDirectory) && isDirectory
    }

    func list(_ relative: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path(relative))) ?? []).sorted()
    }

    /// The file's bytes, or nil after logging why not.
    func read(_ relative: String, log: inout ProblemLog) -> [UInt8]? {
        guard FileManager.default.fileExists(atPath: path(relative)) else {
            log.add(relative, "$", "file is missing")
            return nil
        }
        guard let data = FileManager.default.contents(atPath: path(relative)) else {
            log.add(relative, "$", "file cannot be read")
            return nil
        }
        return [UInt8](data)
    }

    /// Bytes that are valid UTF-8, or nil after logging the offset of the first bad byte.
    func readText(_ relative: String, log: inout ProblemLog) -> [UInt8]? {
        guard let bytes = read(relative, log: &log) else { return nil }
        if let offset = UTF8Check.firstInvalidOffset(bytes) {
            log.add(relative, "$", "invalid UTF-8 at byte \(offset)")
            return nil
        }
        return bytes
    }

    /// A parsed JSON file, or nil after logging the parser's position.
    func readJSON(_ relative: String, log: inout ProblemLog) -> (bytes: [UInt8], value: JSONValue)? {
        guard let bytes = readText(relative, log: &log) else { return nil }
        do {
            return (bytes, try JSONParser.parse(bytes))
        } catch {
            log.add(relative, "$", error.description)
            return nil
        }
    }
}
