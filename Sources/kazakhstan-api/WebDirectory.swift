import API
import FoundationEssentials
import Store

/// The program's web pages (`/docs`, `/reader`) live in `Resources/web/` beside the bundled data, found the same way
/// (next to the executable and up its ancestors, then the working directory) but never under `--data`: they are part
/// of the program, like its code, and work on whatever dataset it serves.
enum WebDirectory {
    /// The first bundled `Resources/web` that exists; nil when none does.
    static func locate() -> String? {
        DataDirectory.bundledCandidates().map { $0 + "/web" }.first { path in
            var isDirectory = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory
        }
    }

    /// Every regular file under `directory`, by path relative to it, read whole (about 2.5 MB in all).
    static func load(_ directory: String) throws -> StaticAssets {
        var contents: [String: [UInt8]] = [:]
        for relative in try FileManager.default.subpathsOfDirectory(atPath: directory) {
            let path = directory + "/" + relative
            var isDirectory = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory else {
                continue
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                throw StaticAssets.LoadError(description: "\(path): cannot be read")
            }
            contents[relative] = [UInt8](data)
        }
        return try StaticAssets(contents: contents)
    }
}
