// swift-tools-version:5.9
// The Zëri core for Swift shells: the generated types and FFI bindings, and the Core that runs
// the effect loop (HTTP, storage, time). The iOS app depends on it; on Linux it is built and
// tested against the real Rust library (see scripts/swift-tests).
import PackageDescription

let package = Package(
    name: "ZeriCore",
    platforms: [.iOS(.v17), .macOS(.v14)],
    products: [
        .library(name: "ZeriCore", targets: ["ZeriCore"]),
    ],
    dependencies: [
        .package(path: "../Generated/SharedTypes"),
    ],
    targets: [
        // The C side of the uniffi bindings; links libshared.
        .systemLibrary(name: "SharedFFIFFI", path: "Sources/SharedFFIFFI"),
        // The uniffi bindings (generated).
        .target(name: "SharedFFI", dependencies: ["SharedFFIFFI"], path: "Sources/SharedFFI"),
        .target(
            name: "ZeriCore",
            dependencies: ["SharedFFI", .product(name: "SharedTypes", package: "SharedTypes")],
            path: "Sources/ZeriCore"
        ),
        .testTarget(name: "ZeriCoreTests", dependencies: ["ZeriCore"], path: "Tests/ZeriCoreTests"),
    ]
)
