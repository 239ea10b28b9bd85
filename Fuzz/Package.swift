// swift-tools-version: 6.0
// libFuzzer targets for every decoder of outside input, kept out of the main build.
// Build and run with Scripts/fuzz.sh (see docs/FUZZING.md); the flags that make these
// fuzzers are given on the command line: -Xswiftc -sanitize=fuzzer,address.
import PackageDescription

/// One executable per fuzz target; its main.swift hands its check of one input to libFuzzer.
let fuzzTargets: [(name: String, dependencies: [Target.Dependency])] = [
    ("fuzz-snapshot", ["FuzzSupport"]),
    ("fuzz-criteria", ["FuzzSupport"]),
    ("fuzz-map", ["FuzzSupport"]),
    ("fuzz-crosswalk", ["FuzzSupport"]),
    ("fuzz-theme", ["FuzzSupport", .product(name: "KieuMauTUI", package: "kieumau")]),
    ("fuzz-import-csv", ["FuzzSupport"]),
    ("fuzz-xlsx", ["FuzzSupport", .product(name: "KieuMauWorkbook", package: "kieumau")]),
    ("fuzz-review-import", ["FuzzSupport", .product(name: "KieuMauReviews", package: "kieumau")]),
    ("fuzz-keys", ["FuzzSupport", .product(name: "KieuMauTUI", package: "kieumau")]),
    ("fuzz-app", ["FuzzSupport", .product(name: "KieuMauTUI", package: "kieumau")]),
    ("fuzz-digest-cache", ["FuzzSupport"]),
]

let package = Package(
    name: "kieumau-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "kieumau", path: ".."),
    ],
    targets: [
        // The real data files (read once per process) and the checks the targets share.
        .target(
            name: "FuzzSupport",
            dependencies: ["CLibFuzzer", .product(name: "KieuMauCore", package: "kieumau")]
        ),
        // The declaration of libFuzzer's driver, which the runtime linked by -sanitize=fuzzer defines.
        .target(name: "CLibFuzzer"),
    ] + fuzzTargets.map { target in
        .executableTarget(name: target.name, dependencies: target.dependencies)
    },
    swiftLanguageModes: [.v6]
)
