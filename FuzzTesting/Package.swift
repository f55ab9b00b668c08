// swift-tools-version:5.4
import PackageDescription

// libFuzzer targets for capdo's parsers of hostile input (FuzzTesting/README.md); built and run by `scripts/fuzz`.
//
// The main package has no library products to depend on, so this package compiles the same module sources
// (`Sources/<Module>` here are links to `../../Sources/<Module>`) with the same dependencies, pinned alike.
// Internal parsers are reached with `@testable import`; `scripts/fuzz` builds with `-enable-testing`.
//
// Tools 5.4, not 6: from 5.5 on SwiftPM renames an executable's entry point to `<module>_main` and links `main` to
// it, and a libFuzzer target (`-parse-as-library`, libFuzzer supplies `main`) has none. So the Swift 6 language
// mode (`swiftLanguageModes`, tools 6) is set per target.
let swift6: [SwiftSetting] = [.unsafeFlags(["-swift-version", "6"])]

let package = Package(
    name: "capdo-fuzz",
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", .exact("6.2.2")),
        .package(url: "https://github.com/apple/swift-log", .exact("1.16.2")),
    ],
    targets: [
        .target(name: "CapdoCore", dependencies: ["COpenSSL"], swiftSettings: swift6),
        .target(
            name: "CapdoRules", dependencies: ["CapdoCore", .product(name: "Yams", package: "Yams")],
            swiftSettings: swift6),
        .systemLibrary(name: "CCompression", providers: [.apt(["zlib1g-dev", "liblzma-dev", "liblz4-dev"])]),
        .target(name: "CapdoCompression", dependencies: ["CCompression"], swiftSettings: swift6),
        .target(
            name: "CapdoCollect",
            dependencies: [
                "CapdoCore", "CapdoCompression", .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swift6
        ),
        .systemLibrary(name: "CPcap", pkgConfig: "libpcap", providers: [.apt(["libpcap-dev"])]),
        .target(name: "CapdoNet", dependencies: ["CapdoCore", "CPcap"], swiftSettings: swift6),
        .systemLibrary(name: "COpenSSL", pkgConfig: "openssl", providers: [.apt(["libssl-dev"])]),
        .target(name: "CCapdoOpenSSLShims", dependencies: ["COpenSSL"]),
        .target(
            name: "CapdoTLS", dependencies: ["CapdoCore", "COpenSSL", "CCapdoOpenSSLShims"], swiftSettings: swift6),
        .target(name: "FuzzSupport", swiftSettings: swift6),
        fuzzTarget("fuzz-snapshot", ["CapdoCore"]),
        fuzzTarget("fuzz-capture", ["CapdoNet"]),
        fuzzTarget("fuzz-packets", ["CapdoNet"]),
        fuzzTarget("fuzz-yaml", ["CapdoRules", "CapdoCore"]),
        fuzzTarget("fuzz-dpkg-status", ["CapdoCollect", "CapdoCore"]),
        fuzzTarget("fuzz-sshd-config", ["CapdoCollect"]),
        fuzzTarget("fuzz-pam", ["CapdoCollect"]),
        fuzzTarget("fuzz-sysctl", ["CapdoCollect"]),
        fuzzTarget("fuzz-audit-rules", ["CapdoCollect"]),
        fuzzTarget("fuzz-clamav-header", ["CapdoCollect"]),
        fuzzTarget("fuzz-antivirus-status", ["CapdoCollect", "CapdoCore"]),
        fuzzTarget("fuzz-x509", ["CapdoTLS"]),
    ]
)

/// One libFuzzer executable: `Sources/<name>/main.swift` defines `LLVMFuzzerTestOneInput`.
func fuzzTarget(_ name: String, _ dependencies: [Target.Dependency]) -> Target {
    .executableTarget(name: name, dependencies: dependencies + ["FuzzSupport"], swiftSettings: swift6)
}
