// swift-tools-version: 6.0
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    // Release: metadata of concrete generic types through direct accessors, not mangled names the
    // runtime demangles at first use, each resolving its conformances by scanning every conformance
    // record of the static binary (~0.35 M instructions a type; ~7 M of a start, issue 14).
    .unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"], .when(configuration: .release)),
]

/// Release builds of the `kieumau` binary only; debug builds and tests use the shared libraries.
let staticStdlib: SwiftSetting = .unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))

let package = Package(
    name: "kieumau",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kieumau", targets: ["kieumau"]),
        .library(name: "KieuMauCore", targets: ["KieuMauCore"]),
        // Also libraries so that the fuzz and benchmark packages (Fuzz/, Bench/, built on their own) can drive them.
        .library(name: "KieuMauTUI", targets: ["KieuMauTUI"]),
        .library(name: "KieuMauReviews", targets: ["KieuMauReviews"]),
        .library(name: "KieuMauWorkbook", targets: ["KieuMauWorkbook"]),
        // For the benchmark package (Bench/): the shared store and the tests' private PostgreSQL cluster.
        .library(name: "KieuMauReviewsPostgres", targets: ["KieuMauReviewsPostgres"]),
        .library(name: "KieuMauTestSupport", targets: ["KieuMauTestSupport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // Domain: model, snapshot format, loading and validation, progress math, folding, reports.
        // No terminal code and no ncurses in here.
        .target(
            name: "KieuMauCore",
            resources: [.copy("Resources/Data")],
            swiftSettings: strict
        ),
        // Screen logic without a terminal: state, actions, reducer, views, canvas, themes.
        // Uses the review model types; the store itself is reached through `ReviewBackend`.
        .target(
            name: "KieuMauTUI",
            dependencies: ["KieuMauCore", "KieuMauReviews"],
            swiftSettings: strict
        ),
        // ncursesw, wide-character API, with a header of static inline shims for macros.
        .systemLibrary(
            name: "CNcurses",
            providers: [.apt(["libncurses-dev"])]
        ),
        // The system's SQLite, with a header of static inline shims for macros Swift cannot import.
        .systemLibrary(
            name: "CSQLite",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // Reviewers' marks and notes in an SQLite store (WAL), with export, import and merging;
        // `ReviewStoring`, the protocol both stores meet.
        .target(
            name: "KieuMauReviews",
            dependencies: ["KieuMauCore", "CSQLite"],
            swiftSettings: strict
        ),
        // The system's libpq (the PostgreSQL client), loaded with dlopen when a shared store is
        // first used, so that starting kieumau does not load it and its ~20 libraries. Building
        // needs its header only (libpq-dev); running with a shared store, libpq5.
        .target(
            name: "CLibPQ",
            linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]
        ),
        // The shared review store on PostgreSQL: schema, province grants, live changes. Apart from
        // KieuMauReviews so that the screens (KieuMauTUI) and the fuzz package need no libpq.
        .target(
            name: "KieuMauReviewsPostgres",
            dependencies: ["KieuMauCore", "KieuMauReviews", "CLibPQ"],
            swiftSettings: strict
        ),
        // The system's zlib: inflates and deflates the parts of workbooks.
        .systemLibrary(
            name: "CZlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // Excel workbooks (.xlsx): a sheet read into the import's table of cells (a zip reader
        // and a streaming reader of SpreadsheetML's XML, both bounded against hostile files), and
        // the template a province fills in. Kept out of KieuMauCore for its zlib dependency.
        .target(
            name: "KieuMauWorkbook",
            dependencies: ["KieuMauCore", "CZlib"],
            swiftSettings: strict
        ),
        // The ncurses backend: the terminal session, a renderer that copies changed rows of a
        // canvas, key decoding, signals, the main loop that sleeps in poll.
        .target(
            name: "KieuMauTerminal",
            dependencies: ["KieuMauTUI", "CNcurses"],
            swiftSettings: strict
        ),
        // The dashboard put together: the ports over real things (the data folder, the review
        // stores, an export folder, inotify) and the app the terminal loop runs.
        .target(
            name: "KieuMauDashboard",
            dependencies: ["KieuMauCore", "KieuMauTUI", "KieuMauReviews", "KieuMauReviewsPostgres", "KieuMauTerminal"],
            swiftSettings: strict
        ),
        // The command line only.
        .executableTarget(
            name: "kieumau",
            dependencies: [
                "KieuMauCore", "KieuMauTUI", "KieuMauReviews", "KieuMauReviewsPostgres", "KieuMauWorkbook",
                "KieuMauTerminal", "KieuMauDashboard",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // The release binary carries the Swift runtime and Foundation in itself: loading and
            // relocating them as shared libraries cost ~5 ms and ~6 MB of every launch, which put the
            // national and communes launches over their targets (docs/BENCHMARKS.md). Compiling with
            // the flag too makes `import Foundation` name the static libraries it needs (ICU data).
            swiftSettings: strict + [staticStdlib],
            linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))]
        ),
        // What the test targets share: posix_spawn with a clean signal mask, finding the built
        // `kieumau`, measuring how work grows. A plain target, since test targets cannot depend on each other.
        .target(
            name: "KieuMauTestSupport",
            path: "Tests/TestSupport",
            swiftSettings: strict
        ),
        .testTarget(
            name: "KieuMauCoreTests",
            dependencies: ["KieuMauCore", "KieuMauTestSupport"],
            resources: [.copy("Fixtures")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "KieuMauWorkbookTests",
            dependencies: ["KieuMauCore", "KieuMauWorkbook"],
            resources: [.copy("Fixtures")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "KieuMauTUITests",
            dependencies: ["KieuMauCore", "KieuMauTUI", "KieuMauReviews", "KieuMauTestSupport"],
            resources: [.copy("Golden")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "KieuMauReviewsTests",
            dependencies: ["KieuMauCore", "KieuMauReviews", "KieuMauReviewsPostgres", "KieuMauTestSupport"],
            swiftSettings: strict
        ),
        // Drives the built `kieumau` binary in tmux (`swift test` builds every product first);
        // the libraries and the command (`@testable import kieumau`) are here to unit-test their
        // pure parts: key decoding, the review backend, the quick start's reading of options.
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["kieumau", "KieuMauCore", "KieuMauTUI", "KieuMauReviews", "KieuMauReviewsPostgres", "KieuMauTerminal",
                           "KieuMauDashboard", "KieuMauTestSupport",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)
