import Foundation
import TestSupport
import Testing

/// The built `kazakhstan-api` binary run as a child process, the way an operator runs it.
final class ServerProcess: @unchecked Sendable {
    let process = Process()
    private let stdoutPipe = Pipe()
    private let stderrPipe = Pipe()
    private(set) var port = 0

    /// The executable sits next to the test bundle in the build directory.
    static var executableURL: URL {
        let bundle = URL(
            fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
                ?? CommandLine.arguments[0])
        return bundle.deletingLastPathComponent().appendingPathComponent("kazakhstan-api")
    }

    init(arguments: [String], environment: [String: String] = [:], shell: Bool = false) throws {
        process.executableURL = shell ? URL(fileURLWithPath: "/bin/sh") : ServerProcess.executableURL
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for key in ["HOST", "PORT", "THREADS", "ACCESS_LOG", "DATA_DIR"] { env[key] = nil }
        env.merge(environment) { $1 }
        process.environment = env
        process.standardOutput = stdoutPipe
        process.standardError = stderrPipe
        try process.run()
    }

    /// Starts a server on 127.0.0.1 port 0 and waits for its "listening" line to learn the port.
    static func started(_ extra: [String] = []) throws -> ServerProcess {
        let server = try ServerProcess(arguments: ["--host", "127.0.0.1", "--port", "0"] + extra)
        try server.waitForListening()
        return server
    }

    func waitForListening() throws {
        var seen = ""
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            let data = stdoutPipe.fileHandleForReading.availableData
            if data.isEmpty { break }
            seen += String(decoding: data, as: UTF8.self)
            if let line = seen.split(separator: "\n").first(where: { $0.contains(#""msg":"listening""#) }),
                let range = line.range(of: #""address":"127.0.0.1:"#)
            {
                let digits = line[range.upperBound...].prefix { $0.isNumber }
                port = Int(digits) ?? 0
                stdoutSoFar = seen
                return
            }
        }
        process.terminate()
        throw ProcessError.noListeningLine(seen)
    }

    enum ProcessError: Error { case noListeningLine(String) }

    /// A raw HTTP client connected to the server. Reads wait longer than the in-process engine tests' default: this
    /// is a separate process, which a loaded machine or a sanitizer build slows down.
    func client(readTimeoutSeconds: Int = 10) throws -> RawHTTPClient {
        try RawHTTPClient(port: port, readTimeoutSeconds: readTimeoutSeconds)
    }

    private(set) var stdoutSoFar = ""

    /// Reads stdout line by line, handing each complete line to `done` until it answers true or `timeout` passes;
    /// the lines read (they also stay part of what `finish` returns).
    func readStdoutLines(timeout: TimeInterval, until done: (String) -> Bool) -> [String] {
        let fd = stdoutPipe.fileHandleForReading.fileDescriptor
        let deadline = Date().addingTimeInterval(timeout)
        var lines: [String] = []
        var partial: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        reading: while Date() < deadline {
            var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&entry, 1, 100) > 0 else { continue }
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            partial += chunk[0..<n]
            while let newline = partial.firstIndex(of: 10) {
                let line = String(decoding: partial[..<newline], as: UTF8.self)
                partial.removeSubrange(...newline)
                lines.append(line)
                if done(line) { break reading }
            }
        }
        stdoutSoFar += lines.map { $0 + "\n" }.joined() + String(decoding: partial, as: UTF8.self)
        return lines
    }

    func signal(_ sig: Int32) { kill(process.processIdentifier, sig) }

    /// Waits for exit (bounded) and returns the status and everything printed.
    func finish(timeout: TimeInterval = 15) -> (status: Int32, stdout: String, stderr: String) {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning {
            process.terminate()
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        let out = stdoutSoFar + String(decoding: stdoutPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let err = String(decoding: stderrPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return (process.terminationStatus, out, err)
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}
