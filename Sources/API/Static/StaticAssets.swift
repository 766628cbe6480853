/// The program's own web files — the `/docs` page with its vendored Swagger UI, the `/reader` page — as the server
/// serves them: read once at start-up (the executable reads `Resources/web/`, see `WebDirectory`), kept in memory,
/// never reloaded with the data. They belong to the program, not to the data directory: `--data` swaps the dataset,
/// and the pages work on any dataset through the API itself.
///
/// How files become URLs: `<dir>/index.html` is served at `/<dir>` (`/docs`, `/reader`), any other file at its own
/// path (`/docs/assets/5.31.0/swagger-ui.css`), and `<file>.gz` is not a URL but `<file>`'s gzip variant, made when
/// the file was vendored.
public struct StaticAssets: Sendable {
    /// Why the files cannot be served, naming the file.
    public struct LoadError: Error, CustomStringConvertible {
        public let description: String

        public init(description: String) { self.description = description }
    }

    /// By URL path.
    let files: [String: StaticFile]

    /// No pages at all (tests of the API alone; a program installed without its web files).
    public init() { files = [:] }

    /// `contents`: every file under the web directory by its path relative to it (`docs/index.html`).
    public init(contents: [String: [UInt8]]) throws {
        var files: [String: StaticFile] = [:]
        for (relative, bytes) in contents where !relative.hasSuffix(".gz") {
            guard let type = StaticAssets.contentType(of: relative) else {
                throw LoadError(description: "\(relative): no content type is known for this file's extension")
            }
            let path = StaticAssets.urlPath(of: relative)
            files[path] = StaticFile(
                path: path, contentType: type, identity: bytes, gzip: contents[relative + ".gz"],
                isVersioned: StaticAssets.isVersioned(relative))
        }
        for relative in contents.keys where relative.hasSuffix(".gz") && contents[String(relative.dropLast(3))] == nil {
            throw LoadError(description: "\(relative): a gzip variant without its file")
        }
        self.files = files
    }

    /// Every URL path served, sorted.
    public var paths: [String] { files.keys.sorted() }

    static func urlPath(of relative: String) -> String {
        let suffix = "/index.html"
        if relative.hasSuffix(suffix) { return "/" + relative.dropLast(suffix.count) }
        return "/" + relative
    }

    /// Whether a directory of the path is a version (`5.31.0`): such a URL names bytes that never change, so clients
    /// may keep them for a year without asking again (a new version is a new URL).
    static func isVersioned(_ relative: String) -> Bool {
        relative.split(separator: "/").dropLast().contains { segment in
            segment.contains(".") && segment.allSatisfy { $0 == "." || ($0 >= "0" && $0 <= "9") }
        }
    }

    /// By extension; nil for one the server does not know (start-up refuses the file rather than send it untyped).
    static func contentType(of relative: String) -> String? {
        let name = relative.split(separator: "/").last ?? ""
        guard let dot = name.lastIndex(of: ".") else { return "text/plain; charset=utf-8" }  // LICENSE, VERSION
        switch name[name.index(after: dot)...].lowercased() {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "png": return "image/png"
        case "svg": return "image/svg+xml"
        case "ico": return "image/x-icon"
        case "woff2": return "font/woff2"
        case "txt": return "text/plain; charset=utf-8"
        default: return nil
        }
    }
}

/// One served file and its precompressed variant.
struct StaticFile: Sendable {
    let path: String
    let contentType: String
    let identity: [UInt8]
    let gzip: [UInt8]?
    /// Under a version directory: cached for a year, `immutable`.
    let isVersioned: Bool

    var isPage: Bool { contentType.hasPrefix("text/html") }
}
