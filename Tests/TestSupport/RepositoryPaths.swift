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

    /// `Tests/<name>`: a test target's own directory (its fixtures, the fuzz corpus).
    public static func tests(_ name: String) -> URL {
        root.appendingPathComponent("Tests").appendingPathComponent(name)
    }
}
