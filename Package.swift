// swift-tools-version:6.0
// kazakhstan-api: no package dependencies by design — only the toolchain. Linux only (epoll).
// Tools version 6.0: every target compiles in the Swift 6 language mode by default.
import PackageDescription

let package = Package(
    name: "kazakhstan-api",
    products: [
        .executable(name: "kazakhstan-api", targets: ["kazakhstan-api"])
    ],
    targets: [
        // C shim: system headers Glibc's Swift module does not export (epoll, eventfd, accept4, TCP_NODELAY).
        .target(name: "CSystem"),
        // The HTTP/1.1 engine. Knows bytes, requests and responses; nothing about entities.
        .target(name: "Server", dependencies: ["CSystem"]),
        // Models, loading and validation of Resources, Arabic-aware search. Nothing about HTTP.
        .target(name: "Store"),
        // Route handlers that turn the store into HTTP resources.
        .target(name: "API", dependencies: ["Server", "Store"]),
        .executableTarget(name: "kazakhstan-api", dependencies: ["API", "Server", "Store"]),
        // libFuzzer targets (built with -sanitize=fuzzer,address -DFUZZING by .ci/fuzz.sh); in a normal build they are
        // replay tools that run the regression corpus in Tests/FuzzCorpus through the same property checks.
        .target(name: "FuzzSupport"),
        .executableTarget(name: "ParserFuzz", dependencies: ["FuzzSupport", "Server"]),
        .executableTarget(name: "QueryFuzz", dependencies: ["FuzzSupport", "API", "Server", "Store"]),

        // Helpers the test targets share: repository paths, and a raw HTTP client over loopback written against Glibc
        // alone, so the engine is tested by code it does not share. Only test targets depend on it.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "TestSupportTests", dependencies: ["TestSupport"]),

        .testTarget(name: "ServerTests", dependencies: ["Server", "CSystem", "TestSupport"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "APITests", dependencies: ["API", "Server", "Store", "TestSupport"]),
        // Runs the built executable as a user would: flags, exit codes, signals, a real HTTP client.
        .testTarget(name: "EndToEndTests", dependencies: ["kazakhstan-api", "TestSupport"]),
    ]
)
