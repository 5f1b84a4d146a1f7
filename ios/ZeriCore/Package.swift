// swift-tools-version:6.0
// The Zëri core for Swift shells: the generated types and FFI bindings, and the Core that runs
// the effect loop (HTTP, storage, time). The iOS app and the screens' previews depend on it; on
// Linux it is built and tested against the real Rust library (see scripts/swift-tests).
import PackageDescription

// The Rust core the bindings call. For iOS it is the XCFramework that
// ../../scripts/build-ios-xcframework writes into this package (iPhone and simulator slices),
// so the app, the package's own builds and Xcode's previews all link the same library. On Linux
// (and for macOS) the build passes the folder of libshared to the linker (-L) instead.
#if os(Linux)
let rustCore: [Target] = []
let rustCoreDependency: [Target.Dependency] = []
#else
let rustCore: [Target] = [.binaryTarget(name: "Shared", path: "Frameworks/Shared.xcframework")]
let rustCoreDependency: [Target.Dependency] = [.target(name: "Shared", condition: .when(platforms: [.iOS]))]
#endif

let package = Package(
    name: "ZeriCore",
    platforms: [.iOS(.v17), .macOS(.v14)],
    products: [
        .library(name: "ZeriCore", targets: ["ZeriCore"]),
    ],
    dependencies: [
        .package(path: "../Generated/SharedTypes"),
    ],
    targets: rustCore + [
        // The C side of the uniffi bindings; links libshared.
        .systemLibrary(name: "SharedFFIFFI", path: "Sources/SharedFFIFFI"),
        // The uniffi bindings (generated): uniffi writes Swift 5 code, not checked for Swift 6.
        .target(
            name: "SharedFFI",
            dependencies: ["SharedFFIFFI"] + rustCoreDependency,
            path: "Sources/SharedFFI",
            swiftSettings: [.swiftLanguageMode(.v5)]
        ),
        .target(
            name: "ZeriCore",
            dependencies: ["SharedFFI", .product(name: "SharedTypes", package: "SharedTypes")],
            path: "Sources/ZeriCore"
        ),
        .testTarget(name: "ZeriCoreTests", dependencies: ["ZeriCore"], path: "Tests/ZeriCoreTests"),
    ],
    // Everything written by hand is Swift 6: data races are compile errors.
    swiftLanguageModes: [.v6]
)
