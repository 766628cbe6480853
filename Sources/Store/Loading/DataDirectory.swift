import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#endif

/// Finds the bundled `Resources` directory without flags. SwiftPM does not bundle a top-level
/// `Resources` folder, so we look next to the executable and up its ancestors: that finds the
/// repository's `Resources` from `.build/<triple>/<config>/kazakhstan-api` after `swift run`, and
/// `/app/Resources` beside `/app/kazakhstan-api` in the container. The working directory is last.
public enum DataDirectory {
    public static func locateDefault() -> String? {
        locate(executablePath: executablePath(), currentDirectory: FileManager.default.currentDirectoryPath)
    }

    /// The first candidate that is a data directory (has `sources/` and `data/`).
    static func locate(executablePath: String?, currentDirectory: String) -> String? {
        candidates(executablePath: executablePath, currentDirectory: currentDirectory).first(where: isDataDirectory)
    }

    /// `<dir>/Resources` for the executable's directory and each ancestor, then `./Resources`.
    static func candidates(executablePath: String?, currentDirectory: String) -> [String] {
        var result: [String] = []
        if let executablePath, executablePath.hasPrefix("/") {
            var components = executablePath.split(separator: "/").map(String.init)
            components.removeLast()  // the executable itself
            while true {
                result.append("/" + (components + ["Resources"]).joined(separator: "/"))
                if components.isEmpty { break }
                components.removeLast()
            }
        }
        let cwd = currentDirectory.hasSuffix("/") ? String(currentDirectory.dropLast()) : currentDirectory
        result.append(cwd + "/Resources")
        var seen: Set<String> = []
        return result.filter { seen.insert($0).inserted }
    }

    /// The bundled `Resources` candidates in search order, for the program's other files (`Resources/web`), which are
    /// found there whatever `--data` says.
    public static func bundledCandidates() -> [String] {
        candidates(executablePath: executablePath(), currentDirectory: FileManager.default.currentDirectoryPath)
    }

    public static func isDataDirectory(_ path: String) -> Bool {
        ["sources", "data"].allSatisfy { sub in
            var isDirectory = false
            return FileManager.default.fileExists(atPath: path + "/" + sub, isDirectory: &isDirectory) && isDirectory
        }
    }

    /// The running executable, symlinks resolved (`/proc/self/exe` on Linux).
    static func executablePath() -> String? {
        #if os(Linux)
            var buffer = [CChar](repeating: 0, count: 4096)
            let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
            if length > 0 {
                return String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            }
        #endif
        return CommandLine.arguments.first.map { arg in
            arg.hasPrefix("/") ? arg : FileManager.default.currentDirectoryPath + "/" + arg
        }
    }
}
