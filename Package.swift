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
        // C shim: system headers Glibc's Swift module does not export (epoll, eventfd, accept4, TCP_NODELAY, socket
        // filters).
        .target(name: "CSystem"),
        // JSON: the value, the parser, one writer with one escaper, problem documents, digit writers. A leaf that
        // imports nothing, so the engine, the store and the API share it without depending on each other.
        .target(name: "JSON"),
        // The HTTP/1.1 engine. Knows bytes, requests and responses; nothing about entities.
        .target(name: "Server", dependencies: ["CSystem", "JSON"]),
        // Models, loading and validation of Resources, Arabic-aware search. Nothing about HTTP.
        .target(name: "Store", dependencies: ["JSON"]),
        // Route handlers that turn the store into HTTP resources.
        .target(name: "API", dependencies: ["JSON", "Server", "Store"]),
        .executableTarget(name: "kazakhstan-api", dependencies: ["API", "JSON", "Server", "Store"]),
        // libFuzzer targets (built with -sanitize=fuzzer,address -DFUZZING by .ci/fuzz.sh); in a normal build they are
        // replay tools that run the regression corpus in Tests/FuzzCorpus through the same property checks.
        .target(name: "FuzzSupport"),
        .executableTarget(name: "ParserFuzz", dependencies: ["FuzzSupport", "Server"]),
        .executableTarget(name: "QueryFuzz", dependencies: ["FuzzSupport", "API", "JSON", "Server", "Store"]),

        // Helpers the test targets share: repository paths, and a raw HTTP client over loopback written against Glibc
        // alone, so the engine is tested by code it does not share. Only test targets depend on it.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "TestSupportTests", dependencies: ["TestSupport"]),

        .testTarget(name: "JSONTests", dependencies: ["JSON"]),
        .testTarget(name: "ServerTests", dependencies: ["Server", "CSystem", "JSON", "TestSupport"]),
        // SearchGolden's data files and generator are read at run time from the repository, not bundled.
        .testTarget(
            name: "StoreTests", dependencies: ["JSON", "Store", "TestSupport"],
            exclude: [
                "Fixtures", "SearchGolden/queries.tsv", "SearchGolden/baseline-before.tsv",
                "SearchGolden/thresholds.tsv", "SearchGolden/presentation_forms.py",
            ]),
        .testTarget(name: "APITests", dependencies: ["API", "JSON", "Server", "Store", "TestSupport"]),
        // Runs the built executable as a user would: flags, exit codes, signals, a real HTTP client.
        .testTarget(name: "EndToEndTests", dependencies: ["kazakhstan-api", "TestSupport"]),
    ]
)
