// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Bereik",
    products: [
        .executable(name: "bereik", targets: ["bereik"]),
        .library(name: "BereikStats", targets: ["BereikStats"]),
        .library(name: "BereikData", targets: ["BereikData"]),
        .library(name: "BereikReport", targets: ["BereikReport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev"])]
        ),
        .target(name: "BereikStats", dependencies: ["CGSL"], exclude: ["README.md"]),
        .target(name: "BereikData", exclude: ["README.md"]),
        .target(name: "BereikReport", dependencies: ["BereikStats", "BereikData"], exclude: ["README.md"]),
        .executableTarget(
            name: "bereik",
            dependencies: [
                "BereikStats", "BereikData", "BereikReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "BereikStatsTests", dependencies: ["BereikStats"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "BereikDataTests", dependencies: ["BereikData"]),
    ]
)
