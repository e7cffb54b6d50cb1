// swift-tools-version:6.0
// Compares Bereik's CSV reader with the Swift CSV packages available here (BENCHMARKS.md).
//   cd bench/csv-readers && swift run -c release csv-readers ../../bench-out/att_1m.csv
import PackageDescription

let package = Package(
    name: "csv-readers",
    dependencies: [
        .package(path: "../.."),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", exact: "0.10.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", exact: "2.5.2"),
    ],
    targets: [
        .executableTarget(name: "csv-readers", dependencies: [
            .product(name: "BereikData", package: "main"),
            .product(name: "SwiftCSV", package: "SwiftCSV"),
            .product(name: "CSV", package: "CSV.swift"),
        ]),
    ]
)
