import Foundation
import TestSupport
import Testing

@testable import Store

@Suite struct DataDirectoryTests {
    @Test func candidates_walkFromTheExecutableUpToRoot_thenTheWorkingDirectory() {
        let candidates = DataDirectory.candidates(executablePath: "/app/bin/kazakhstan-api", currentDirectory: "/work")
        #expect(candidates == ["/app/bin/Resources", "/app/Resources", "/Resources", "/work/Resources"])
    }

    @Test func locate_findsResourcesBesideTheExecutableInAContainerLayout() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dd-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        for sub in ["app/Resources/sources", "app/Resources/data", "elsewhere"] {
            try FileManager.default.createDirectory(atPath: root + "/" + sub, withIntermediateDirectories: true)
        }
        #expect(
            DataDirectory.locate(executablePath: root + "/app/kazakhstan-api", currentDirectory: root + "/elsewhere")
                == root + "/app/Resources")
    }

    @Test func locate_findsTheRepositoryResourcesFromABuildDirectory() throws {
        // `swift run` in a fresh clone runs .build/<triple>/debug/kazakhstan-api.
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dd-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        for sub in ["Resources/sources", "Resources/data", ".build/x86_64-unknown-linux-gnu/debug"] {
            try FileManager.default.createDirectory(atPath: root + "/" + sub, withIntermediateDirectories: true)
        }
        let exe = root + "/.build/x86_64-unknown-linux-gnu/debug/kazakhstan-api"
        #expect(DataDirectory.locate(executablePath: exe, currentDirectory: "/") == root + "/Resources")
    }

    @Test func locate_fallsBackToTheWorkingDirectory_andIgnoresFoldersMissingData() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dd-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        for sub in ["bin/Resources/sources", "cwd/Resources/sources", "cwd/Resources/data"] {
            try FileManager.default.createDirectory(atPath: root + "/" + sub, withIntermediateDirectories: true)
        }
        // bin/Resources lacks data/, so it is not a data directory.
        #expect(
            DataDirectory.locate(executablePath: root + "/bin/tool", currentDirectory: root + "/cwd") == root
                + "/cwd/Resources")
        #expect(DataDirectory.locate(executablePath: nil, currentDirectory: root + "/nowhere") == nil)
    }

    @Test func locateDefault_fromThisTestBinary_findsTheRepositoryResources() throws {
        // The test binary lives in .build-store/<triple>/debug/, inside the repository.
        let found = try #require(DataDirectory.locateDefault())
        #expect(
            URL(fileURLWithPath: found).standardizedFileURL.path
                == RepositoryPaths.resources.standardizedFileURL.path)
    }
}
