// swift-tools-version:6.0
// kazakhstan-api: no package dependencies by design — only the toolchain.
import PackageDescription

let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
]

let package = Package(
    name: "kazakhstan-api",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "kazakhstan-api", targets: ["kazakhstan-api"]),
    ],
    targets: [
        // C shim: system headers Glibc's Swift module does not export (epoll, eventfd, accept4, TCP_NODELAY).
        .target(name: "CSystem"),
        // The HTTP/1.1 engine. Knows bytes, requests and responses; nothing about entities.
        .target(name: "Server", dependencies: ["CSystem"], swiftSettings: strict),
        // Models, loading and validation of Resources, Arabic-aware search. Nothing about HTTP.
        .target(name: "Store", swiftSettings: strict),
        // Route handlers that turn the store into HTTP resources.
        .target(name: "API", dependencies: ["Server", "Store"], swiftSettings: strict),
        .executableTarget(name: "kazakhstan-api", dependencies: ["API", "Server", "Store"], swiftSettings: strict),
        // libFuzzer targets (built with -sanitize=fuzzer,address -DFUZZING by .ci/fuzz.sh); in a normal build they are
        // replay tools that run the regression corpus in Tests/FuzzCorpus through the same property checks.
        .target(name: "FuzzSupport", swiftSettings: strict),
        .executableTarget(name: "ParserFuzz", dependencies: ["FuzzSupport", "Server"], swiftSettings: strict),
        .executableTarget(name: "QueryFuzz", dependencies: ["FuzzSupport", "API", "Server", "Store"], swiftSettings: strict),

        .testTarget(name: "ServerTests", dependencies: ["Server", "CSystem"], swiftSettings: strict),
        .testTarget(name: "StoreTests", dependencies: ["Store"], exclude: ["Fixtures"], swiftSettings: strict),
        .testTarget(name: "APITests", dependencies: ["API", "Server", "Store"], swiftSettings: strict),
        // Runs the built executable as a user would: flags, exit codes, signals, a real HTTP client.
        .testTarget(name: "EndToEndTests", dependencies: ["kazakhstan-api"], swiftSettings: strict),
    ]
)
