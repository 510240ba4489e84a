// swift-tools-version: 6.1
import PackageDescription

// Layers (see docs/architecture.md):
//   core, no I/O:  LedeHTML, LedeFeeds, LedeExtraction, LedeCore
//   adapters:      LedeSQLite (store), LedeFetch (HTTP)
//   application:   LedeEngine (the pipeline that wires core and adapters), LedeDemo
//   apps:          lede (command line)
let package = Package(
    name: "Lede",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "lede", targets: ["lede"]),
        .library(name: "LedeCore", targets: ["LedeCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // libxml2 from the system (Debian: libxml2-dev), for XML and HTML parsing.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),

        // Core: bytes in, values out. No network, disk or clock.
        .target(name: "LedeHTML", dependencies: ["CLibXML2"]),
        .target(name: "LedeFeeds", dependencies: ["CLibXML2", "LedeHTML"]),
        .target(name: "LedeExtraction", dependencies: ["LedeHTML"]),
        .target(name: "LedeCore"),

        // Adapters.
        .target(
            name: "LedeSQLite",
            dependencies: ["LedeCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(
            name: "LedePostgres",
            dependencies: [
                "LedeCore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "LedeFetch",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPCompression", package: "swift-nio-extras"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // Application: the pipeline and the demo.
        .target(
            name: "LedeEngine",
            dependencies: [
                "LedeCore", "LedeFeeds", "LedeExtraction", "LedeHTML", "LedeSQLite", "LedePostgres", "LedeFetch",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "LedeDemo",
            dependencies: [
                "LedeCore", "LedeEngine", "LedeFetch", "LedeFeeds",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Corpus")]
        ),

        // The web app and JSON API (Hummingbird), used by `lede serve` and `lede demo --serve`.
        .target(
            name: "LedeWeb",
            dependencies: [
                "LedeCore", "LedeEngine", "LedeFeeds", "LedeFetch", "LedeHTML",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Templates"), .copy("Public"), .copy("OpenAPI")]
        ),

        // Apps.
        .executableTarget(
            name: "lede",
            dependencies: [
                "LedeEngine", "LedeDemo", "LedeCore", "LedeFeeds", "LedeExtraction", "LedeWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // Developer tools for the quality and speed scripts in scripts/: small executables
        // that depend on one core target only, so they build fast in release mode.
        .executableTarget(
            name: "lede-feeds-dev", dependencies: ["LedeFeeds", "LedeHTML"], path: "Sources/FeedsDevTool"
        ),
        .executableTarget(
            name: "lede-extract-dev", dependencies: ["LedeExtraction", "LedeHTML"],
            path: "Sources/ExtractDevTool"
        ),

        .executableTarget(
            name: "lede-bench",
            dependencies: ["LedeCore", "LedeEngine", "LedeSQLite", "LedeDemo", "LedeFetch", "LedeScale", .product(name: "Logging", package: "swift-log")], path: "Sources/BenchTool"
        ),

        // Scale tooling: a synthetic corpus of any size served over loopback (scripts/scale and
        // the worker crash test).
        .target(
            name: "LedeScale",
            dependencies: [
                "LedeFeeds",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "lede-scale",
            dependencies: ["LedeScale", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Sources/LedeScaleTool"
        ),

        // Test support and tests.
        .target(name: "LedeTestSupport", dependencies: ["LedeCore"]),
        .testTarget(name: "LedeHTMLTests", dependencies: ["LedeHTML"]),
        .testTarget(
            name: "LedeFeedsTests", dependencies: ["LedeFeeds", "LedeHTML"],
            resources: [.copy("Resources")]
        ),
        .testTarget(
            name: "LedeExtractionTests", dependencies: ["LedeExtraction", "LedeHTML"],
            resources: [.copy("Resources")]
        ),
        .testTarget(name: "LedeCoreTests", dependencies: ["LedeCore", "LedeTestSupport"]),
        .testTarget(name: "LedeSQLiteTests", dependencies: ["LedeSQLite", "LedeTestSupport"]),
        .testTarget(
            name: "LedePostgresTests",
            dependencies: ["LedePostgres", "LedeTestSupport", .product(name: "PostgresNIO", package: "postgres-nio")]
        ),
        .testTarget(
            name: "LedeFetchTests",
            dependencies: [
                "LedeFetch",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            resources: [.copy("Resources")]
        ),
        .testTarget(
            name: "LedeEngineTests",
            dependencies: ["LedeEngine", "LedeDemo", "LedeTestSupport"]
        ),
        .testTarget(name: "EndToEndTests", dependencies: ["LedeCore"]),
        .testTarget(
            name: "WorkerTests",
            dependencies: [
                "LedeCore", "LedeEngine", "LedePostgres", "LedeScale", "LedeTestSupport",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .testTarget(
            name: "LedeWebTests",
            dependencies: [
                "LedeWeb", "LedeCore", "LedeEngine", "LedeFeeds", "LedeSQLite", "LedeDemo", "LedeTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ]
        ),
    ]
)

// Strict Swift 6 everywhere; warnings are treated as bugs.
for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + [
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("MemberImportVisibility"),
    ]
}
