// swift-tools-version:6.1
import PackageDescription

// Stage modules (DESIGN.md): Model ← Text ← Segment ← Extract ← Check ← Gongwen (pipeline); Segment ← Store; Gongwen, Store ← Ingest ← CLI.
// GongwenStore (SQLite through GRDB) writes `Document`s — parsed by `ingest` or read back by `load` — and answers the queries.
// The system C libraries sit behind one wrapper each: ICU behind GWICU (a C target whose header
// uses no ICU types, see PLATFORM.md), libxml2 behind CLibXML2, poppler's GLib API (PDF) behind
// CPoppler; only GongwenText imports them. DOCX is read through ZIPFoundation and libxml2.
let package = Package(
    name: "gongwen",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "gongwen", targets: ["gongwen"]),
        .executable(name: "gongwen-fuzz", targets: ["GongwenFuzz"]),
        .library(name: "Gongwen", targets: ["Gongwen"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        // TLS to PostgreSQL (sslmode in the URL); PostgresNIO depends on it already.
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        .systemLibrary(
            name: "CICU", path: "Sources/CICU", pkgConfig: "icu-i18n",
            providers: [.apt(["libicu-dev"])]),
        .target(
            name: "GWICU", dependencies: ["CICU"], path: "Sources/GWICU",
            linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc")]),
        .systemLibrary(
            name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(
            name: "CPoppler", path: "Sources/CPoppler", pkgConfig: "poppler-glib",
            providers: [.apt(["libpoppler-glib-dev"])]),
        .target(name: "GongwenModel"),
        .target(
            name: "GongwenText",
            dependencies: [
                "GongwenModel", "GWICU", "CLibXML2", "CPoppler", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.embedInCode("Resources/hant-hans.tsv")]),
        .target(name: "GongwenSegment", dependencies: ["GongwenModel", "GongwenText"]),
        .target(
            name: "GongwenExtract", dependencies: ["GongwenModel", "GongwenText", "GongwenSegment"],
            resources: [.embedInCode("Resources/units.tsv")]),
        .target(
            name: "GongwenCheck", dependencies: ["GongwenModel", "GongwenText", "GongwenSegment", "GongwenExtract"],
            resources: [.embedInCode("Resources/bounds.tsv"), .embedInCode("Resources/identities.tsv")]),
        .target(
            name: "Gongwen",
            dependencies: ["GongwenModel", "GongwenText", "GongwenSegment", "GongwenExtract", "GongwenCheck"]),
        .target(
            name: "GongwenStore",
            dependencies: [
                "GongwenModel", "GongwenText", "GongwenSegment", .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C calls, for the writer's inserts (`BoundStatement`): the library GRDB links.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]),
        // The web page over the store (gongwen serve): read-only, the same queries as the CLI.
        .target(
            name: "GongwenServe",
            dependencies: ["GongwenStore", "GongwenModel", "GongwenCheck", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]),
        .target(name: "GongwenIngest", dependencies: ["Gongwen", "GongwenModel", "GongwenText", "GongwenStore"]),
        .executableTarget(
            name: "gongwen",
            dependencies: [
                "Gongwen", "GongwenStore", "GongwenIngest", "GongwenServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // The libFuzzer target (make fuzz); built plainly it replays inputs given as files.
        .executableTarget(name: "GongwenFuzz", dependencies: ["GongwenIngest"]),
        .target(
            name: "TestSupport", dependencies: ["GongwenStore", .product(name: "GRDB", package: "GRDB.swift")], path: "Tests/TestSupport"),
        .testTarget(
            name: "GongwenTextTests",
            dependencies: ["GongwenText", "TestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "GongwenModelTests", dependencies: ["GongwenModel", "Gongwen", "TestSupport"]),
        .testTarget(name: "GongwenSegmentTests", dependencies: ["GongwenSegment", "Gongwen", "TestSupport"]),
        .testTarget(
            name: "GongwenExtractTests",
            dependencies: ["GongwenExtract", "Gongwen", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based")],
            resources: [.copy("Resources")]),
        .testTarget(name: "GongwenCheckTests", dependencies: ["GongwenCheck", "Gongwen", "TestSupport"]),
        .testTarget(
            name: "GongwenStoreTests",
            dependencies: ["GongwenStore", "Gongwen", "GongwenModel", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(
            name: "GongwenIngestTests",
            dependencies: ["GongwenIngest", "GongwenStore", "Gongwen", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(
            name: "GongwenServeTests",
            dependencies: [
                "GongwenServe", "GongwenStore", "Gongwen", "GongwenModel", "TestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"), .product(name: "HTTPTypes", package: "swift-http-types"),
            ]),
        .testTarget(
            name: "EndToEndTests", dependencies: ["Gongwen", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Snapshots"]),
    ]
)
