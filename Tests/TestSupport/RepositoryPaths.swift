import Foundation

/// Places in the repository, found from this file's path (`Tests/TestSupport/RepositoryPaths.swift`), so tests never
/// depend on `Bundle.module` or on the directory `swift test` was started from.
public enum RepositoryPaths {
    /// The repository's root: the directory holding Package.swift.
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // TestSupport
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// The bundled source document and dataset the server loads by default.
    public static let resources = root.appendingPathComponent("Resources")

    /// A small data directory whose text has characters outside the Basic Multilingual Plane (emoji, «𝕏», U+10000)
    /// before and inside cited spans, so Unicode-scalar and UTF-16 offsets differ: `--data Tests/Fixtures/astral`.
    public static let astralFixture = root.appendingPathComponent("Tests/Fixtures/astral")

    /// `Tests/<name>`: a test target's own directory (its fixtures, the fuzz corpus).
    public static func tests(_ name: String) -> URL {
        root.appendingPathComponent("Tests").appendingPathComponent(name)
    }
}
