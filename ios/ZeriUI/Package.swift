// swift-tools-version:6.0
// The Zëri iOS screens: SwiftUI views that draw the core's view model and send its events,
// and the iOS glue (network monitor, background sending, location, camera, photos, links).
// Apple platforms only; the logic they use lives in ZeriCore, which is tested on Linux. Swift 6
// language mode: data races are compile errors.
import PackageDescription

let package = Package(
    name: "ZeriUI",
    platforms: [.iOS(.v17)],
    products: [.library(name: "ZeriUI", targets: ["ZeriUI"])],
    dependencies: [
        .package(path: "../ZeriCore"),
        .package(path: "../Generated/SharedTypes"),
    ],
    targets: [
        .target(
            name: "ZeriUI",
            dependencies: [
                .product(name: "ZeriCore", package: "ZeriCore"),
                .product(name: "SharedTypes", package: "SharedTypes"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
