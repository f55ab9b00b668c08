// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "capdo",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "capdo", targets: ["capdo"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
    ],
    targets: [
        // OpenSSL for SHA-256 (Codec/SHA256.swift), the only C it imports.
        .target(name: "CapdoCore", dependencies: ["COpenSSL"]),
        .target(
            name: "CapdoRules",
            dependencies: ["CapdoCore", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "CapdoCollect",
            dependencies: [
                "CapdoCore", "CapdoCompression", .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // zlib, liblzma and liblz4 headers sit in /usr/include; no pkg-config name covers all three.
        .systemLibrary(
            name: "CCompression", providers: [.apt(["zlib1g-dev", "liblzma-dev", "liblz4-dev"])]),
        .target(name: "CapdoCompression", dependencies: ["CCompression"]),
        .systemLibrary(name: "CPcap", pkgConfig: "libpcap", providers: [.apt(["libpcap-dev"])]),
        .target(name: "CapdoNet", dependencies: ["CapdoCore", "CPcap"]),
        .target(name: "CapdoReport", dependencies: ["CapdoCore"]),
        .systemLibrary(name: "COpenSSL", pkgConfig: "openssl", providers: [.apt(["libssl-dev"])]),
        .target(name: "CCapdoOpenSSLShims", dependencies: ["COpenSSL"]),
        .target(name: "CapdoTLS", dependencies: ["CapdoCore", "COpenSSL", "CCapdoOpenSSLShims"]),
        .target(
            name: "CapdoHistory",
            dependencies: ["CapdoCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // The pipeline: rule-set loading, fact gathering (TLS and LAN sources included), evaluation, reports,
        // history. The executable only parses arguments and prints.
        .target(
            name: "CapdoApp",
            dependencies: [
                "CapdoCore", "CapdoRules", "CapdoCollect", "CapdoNet", "CapdoReport", "CapdoTLS", "CapdoHistory",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "capdo",
            dependencies: [
                "CapdoApp", "CapdoCore", "CapdoRules", "CapdoCollect", "CapdoNet", "CapdoReport", "CapdoTLS",
                "CapdoHistory", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Helpers shared by the test targets (temporary directories, a seeded generator, Shell); not a test target itself.
        .target(name: "CapdoTestSupport", path: "Tests/CapdoTestSupport"),
        .testTarget(name: "CapdoCoreTests", dependencies: ["CapdoCore"]),
        .testTarget(name: "CapdoRulesTests", dependencies: ["CapdoRules", "CapdoCore", "CapdoTestSupport"]),
        .testTarget(
            name: "CapdoCollectTests",
            dependencies: ["CapdoCollect", "CapdoCore", "CapdoTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "CapdoTLSTests", dependencies: ["CapdoTLS", "CapdoCore"]),
        .testTarget(name: "CapdoNetTests", dependencies: ["CapdoNet", "CapdoCore", "CapdoTestSupport"]),
        // Goldens are read through #filePath, not as bundle resources.
        .testTarget(name: "CapdoReportTests", dependencies: ["CapdoReport", "CapdoCore"], exclude: ["Golden"]),
        .testTarget(name: "CapdoHistoryTests", dependencies: ["CapdoHistory", "CapdoCore"]),
        .testTarget(
            name: "CapdoAppTests",
            dependencies: [
                "CapdoApp", "CapdoCore", "CapdoRules", "CapdoCollect", "CapdoNet", "CapdoHistory",
                .product(name: "Logging", package: "swift-log"),
            ],
            // Windows snapshot fixtures are read through #filePath, not as bundle resources.
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "CapdoCLITests",
            dependencies: [
                "capdo", "CapdoApp", "CapdoCore", "CapdoRules", "CapdoCollect", "CapdoNet", "CapdoReport",
                "CapdoHistory", "CapdoTestSupport",
            ]),
    ],
    swiftLanguageModes: [.v6]
)
