// swift-tools-version: 6.0
// The benchmark (docs/BENCHMARKS.md), kept out of the main build: `swift build` and `swift test`
// of the product never compile it. Build and run it with Scripts/bench.sh, or
//   swift build -c release                        (in the repository: the kieumau binary)
//   swift run -c release --package-path Bench kieumau-bench
import PackageDescription

let package = Package(
    name: "kieumau-bench",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "kieumau", path: ".."),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // Opens pseudo-terminals and starts a program in one (posix_openpt and friends are not
        // visible from Swift's Glibc module).
        .target(name: "CBenchPTY"),
        .executableTarget(
            name: "kieumau-bench",
            dependencies: [
                "CBenchPTY",
                .product(name: "KieuMauCore", package: "kieumau"),
                .product(name: "KieuMauTUI", package: "kieumau"),
                .product(name: "KieuMauWorkbook", package: "kieumau"),
                .product(name: "KieuMauReviews", package: "kieumau"),
                .product(name: "KieuMauReviewsPostgres", package: "kieumau"),
                // The private PostgreSQL cluster of the shared-store figures (the tests' own).
                .product(name: "KieuMauTestSupport", package: "kieumau"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
