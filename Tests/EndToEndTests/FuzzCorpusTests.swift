import Foundation
import TestSupport
import Testing

/// Every input in the fuzz corpus (seeds and past findings) still passes the fuzz targets' property checks, replayed
/// by the targets' own non-fuzzing builds.
@Suite(.serialized) struct FuzzCorpusTests {
    static let corpus = RepositoryPaths.tests("FuzzCorpus")

    func replay(_ tool: String, _ folder: String) throws -> (status: Int32, output: String, count: Int) {
        let files = try FileManager.default.contentsOfDirectory(
            atPath: FuzzCorpusTests.corpus.appendingPathComponent(folder).path
        )
        .map { FuzzCorpusTests.corpus.appendingPathComponent(folder).appendingPathComponent($0).path }.sorted()
        let process = Process()
        process.executableURL = ServerProcess.executableURL.deletingLastPathComponent().appendingPathComponent(tool)
        process.arguments = files
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output, files.count)
    }

    @Test func parserCorpus_holdsTheSplitAnywhereProperty() throws {
        let run = try replay("ParserFuzz", "parser")
        #expect(run.count >= 20)
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("\(run.count) inputs replayed"))
    }

    @Test func queryCorpus_getsOnlyValidAnswers_andCachedEqualsComputed() throws {
        let run = try replay("QueryFuzz", "query")
        #expect(run.count >= 15)
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("\(run.count) inputs replayed"))
    }
}
