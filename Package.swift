// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Bereik",
    products: [
        .executable(name: "bereik", targets: ["bereik"]),
        .executable(name: "bereik-serve", targets: ["bereik-serve"]),
        .executable(name: "bereik-pack-population", targets: ["bereik-pack-population"]),
        .library(name: "BereikStats", targets: ["BereikStats"]),
        .library(name: "BereikData", targets: ["BereikData"]),
        .library(name: "BereikPipeline", targets: ["BereikPipeline"]),
        .library(name: "BereikPublish", targets: ["BereikPublish"]),
        .library(name: "BereikReport", targets: ["BereikReport"]),
        .library(name: "BereikServe", targets: ["BereikServe"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        // `bereik serve`: a small HTTP server without SwiftNIO (builds in ~30 s on 2 cores; see Sources/BereikServe/README.md).
        .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev"])]
        ),
        .target(name: "BereikStats", dependencies: ["CGSL"], exclude: ["README.md"]),
        .target(name: "BereikData", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")], exclude: ["README.md"]),
        .target(name: "BereikPipeline", dependencies: ["BereikStats", "BereikData"], exclude: ["README.md"],
                resources: [.copy("Resources/kwb2024_85984NED.population"),
                            .copy("Resources/pc4_gemeente2024_adressen_cbs_pc6hnr20240801.csv"),
                            .copy("Resources/pc4_wijk2024_adressen_cbs_pc6hnr20240801.csv"),
                            .copy("Resources/geo")]),
        .target(name: "BereikPublish", dependencies: ["BereikStats", "BereikData", "BereikPipeline"], exclude: ["README.md"]),
        .target(name: "BereikReport", dependencies: ["BereikStats", "BereikData", "BereikPipeline", "BereikPublish"], exclude: ["README.md"]),
        .target(name: "BereikServe", dependencies: ["BereikData", "BereikPipeline", "BereikPublish", "BereikReport",
                                                   .product(name: "FlyingFox", package: "FlyingFox")], exclude: ["README.md"]),
        .executableTarget(
            name: "bereik",
            dependencies: [
                "BereikStats", "BereikData", "BereikPipeline", "BereikPublish", "BereikReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `bereik serve` runs this program (Sources/bereik/Serve.swift says why it is apart).
        .executableTarget(
            name: "bereik-serve",
            dependencies: ["BereikData", "BereikReport", "BereikServe",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Makes the bundled population table's compact form (scripts/pack-population.sh).
        .executableTarget(name: "bereik-pack-population", dependencies: ["BereikData"]),
        .target(name: "BereikTestSupport", path: "Tests/BereikTestSupport", exclude: ["README.md"]),
        .testTarget(name: "BereikStatsTests", dependencies: ["BereikStats", "BereikTestSupport"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "BereikDataTests", dependencies: ["BereikData", "BereikTestSupport"]),
        .testTarget(name: "BereikPipelineTests", dependencies: ["BereikPipeline", "BereikPublish", "BereikReport", "BereikData", "BereikStats", "bereik", "BereikTestSupport"]),
        .testTarget(name: "BereikServeTests", dependencies: ["BereikServe", "BereikReport", "BereikPublish", "BereikPipeline", "BereikData"],
                    exclude: ["Driver"]),
    ]
)
