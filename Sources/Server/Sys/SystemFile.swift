import Glibc

/// Reads a small kernel file (`/proc`, `/sys`) whole. Such files report a size of 0 or 4096 whatever they hold, so
/// this reads until end of file rather than trusting `stat`.
public enum SystemFile {
    /// The file's text, or nil when it does not exist, cannot be read, or is longer than `limit` bytes (nothing this
    /// server reads is: a bound keeps a surprise from costing memory).
    public static func read(_ path: String, limit: Int = 64 * 1024) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if n == 0 { break }
            bytes += chunk[0..<n]
            if bytes.count > limit { return nil }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension SystemFile {
    /// How many entries a directory holds, `.` and `..` aside, not counting the descriptor this call opens to read it
    /// (for `/proc/self/fd`, where it would otherwise count itself). Nil when the directory cannot be read.
    public static func entryCount(ofDirectory path: String) -> Int? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        let own = "\(dirfd(directory))"
        var count = 0
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." && name != own { count += 1 }
        }
        return count
    }
}
