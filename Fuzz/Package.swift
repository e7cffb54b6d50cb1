// swift-tools-version:6.0
// libFuzzer targets for Bereik's readers. A separate package so that a plain `swift build` of
// Bereik never links them (they need `-sanitize=fuzzer`). Built and run by `scripts/fuzz.sh`.
import PackageDescription

let targets = ["FuzzCSV", "FuzzAttendance", "FuzzPopulation", "FuzzSES", "FuzzPostcodes", "FuzzProject", "FuzzWorkbook"]

let package = Package(
    name: "BereikFuzz",
    dependencies: [.package(name: "Bereik", path: "..")],
    targets: [
        .target(name: "FuzzSupport", dependencies: [.product(name: "BereikData", package: "Bereik")]),
    ] + targets.map {
        .executableTarget(name: $0, dependencies: [
            "FuzzSupport",
            .product(name: "BereikData", package: "Bereik"),
            .product(name: "BereikPipeline", package: "Bereik"),
        ])
    }
)
