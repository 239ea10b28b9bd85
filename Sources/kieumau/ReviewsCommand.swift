import ArgumentParser
import Foundation
import KieuMauCore
import KieuMauReviews
import KieuMauReviewsPostgres

/// `kieumau reviews export|import|copy|init|grant`: moves reviewers' marks and notes between
/// stores, and sets up a shared one.
struct ReviewsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reviews",
        abstract: "Export, import or copy reviewers' marks and notes; set up a shared review store.",
        discussion: """
            The store is --reviews, else $KIEUMAU_REVIEWS, else $XDG_DATA_HOME/kieumau/reviews.sqlite
            (else ~/.local/share/kieumau/reviews.sqlite). A postgresql:// URI names a shared store
            on PostgreSQL (libpq's PGHOST, PGUSER, PGPASSWORD, ~/.pgpass and sslmode apply); anything
            else is the path of an SQLite file.
            """,
        subcommands: [ReviewsExportCommand.self, ReviewsImportCommand.self, ReviewsCopyCommand.self,
                      ReviewsInitCommand.self, ReviewsGrantCommand.self, ReviewsStressWriteCommand.self]
    )
}

/// `--reviews PATH|URI`, shared by every command that opens the review store (the dashboard too).
struct ReviewStoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The review store: an SQLite file, or a shared store postgresql://user@host/db (default: $KIEUMAU_REVIEWS, else $XDG_DATA_HOME/kieumau/reviews.sqlite).", valueName: "path|uri"))
    var reviews: String?

    func address() throws -> ReviewStoreAddress {
        do { return try ReviewStoreAddress.resolve(flag: reviews, environment: ProcessInfo.processInfo.environment) } catch {
            throw CLIError(error.description)
        }
    }
}

struct ReviewsExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every review (mark, note, who, when) as CSV or JSON.")

    @OptionGroup var store: ReviewStoreOptions

    @Option(help: "csv or json (default: from the --out file's extension, else csv).")
    var format: ReviewFileFormat?

    @Option(help: ArgumentHelp("Write to this file instead of standard output (replaced whole, never half-written).", valueName: "file"))
    var out: String?

    func run() throws {
        let address = try store.address()
        var reviews: [Review] = []
        do {
            reviews = try ReviewStores.open(address, mode: .readOnly).allReviews()
        } catch let error where error.kind == .notFound {
            printError("note: no review store at \(address.displayName) yet; the export is empty")
        } catch {
            throw CLIError(error.description)
        }
        let chosen = format ?? (out?.lowercased().hasSuffix(".json") == true ? .json : .csv)
        let text = ReviewExport.render(reviews, as: chosen)
        guard let out else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do {
            try text.write(toFile: out, atomically: true, encoding: .utf8)
        } catch {
            throw CLIError("cannot write \(out): \(error.localizedDescription)")
        }
        printError("wrote \(reviews.count) review(s) to \(out)")
    }
}

struct ReviewsImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Merge a colleague's export into the review store.",
        discussion: """
            For each snapshot and ward the newer mark wins; notes are never lost: when both sides
            wrote different notes, the newer comes first and the older follows, signed with its
            reviewer and time. Importing the same file again changes nothing. A file with any
            problem is refused whole: nothing is written.
            """)

    @Argument(help: ArgumentHelp("An export of `kieumau reviews export` (.csv or .json).", valueName: "file"))
    var file: String

    @OptionGroup var store: ReviewStoreOptions

    @Option(help: "csv or json (default: from the extension, else from the content).")
    var format: ReviewFileFormat?

    func run() throws {
        let address = try store.address()
        let counts: ReviewMergeCounts
        do {
            let reviews = try ReviewImport.read(path: file, format: format)
            let target = try ReviewStores.open(address)
            if let reason = target.readOnlyReason {
                throw CLIError("review store \(address.displayName) is read-only (\(reason)); nothing imported")
            }
            counts = try target.merge(reviews)
        } catch let error as ReviewImportError {
            throw CLIError(error.description + "\nnothing imported")
        } catch let error as ReviewStoreError {
            throw CLIError(error.description)
        }
        print("imported \(file) into \(address.displayName): \(counts.summary)")
    }
}

extension ReviewFileFormat: ExpressibleByArgument {}

extension ReviewMergeCounts {
    /// "5 added, 0 updated, 0 unchanged, 0 conflicts merged (both notes kept)".
    var summary: String {
        "\(added) added, \(updated) updated, \(unchanged) unchanged, \(notesMerged) conflicts merged (both notes kept)"
    }
}

/// Hidden, for the crash-safety test: marks and annotates wards in a loop and prints each one
/// on standard output (unbuffered) only after the store has committed it. The test kills this
/// process with SIGKILL at random moments and checks every printed line is in the store.
struct ReviewsStressWriteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stress-write",
        abstract: "Write marks and notes in a loop, printing each after it is committed (for tests).",
        shouldDisplay: false)

    @OptionGroup var store: ReviewStoreOptions

    @Option(help: "How many wards to mark.")
    var count: Int = 1000

    @Option(help: "Ward codes start with this prefix.")
    var prefix: String = "W"

    @Option(help: ArgumentHelp("The snapshot date the marks are for.", valueName: "YYYY-MM-DD"))
    var snapshot: String = "2025-06-30"

    func run() throws {
        guard let day = Day(iso: snapshot) else { throw CLIError("--snapshot: expected YYYY-MM-DD, found \(snapshot)") }
        do {
            let target = try ReviewStores.open(try store.address())
            for i in 0..<max(0, count) {
                let ward = "\(prefix)\(i)"
                let mark: ReviewMark = i.isMultiple(of: 2) ? .ok : .followUp
                try target.setMark(mark, snapshot: day, ward: ward, reviewer: "stress", at: .now())
                FileHandle.standardOutput.write(Data("mark \(ward) \(mark.rawValue)\n".utf8))
                try target.setNote("ghi chú \(i)", snapshot: day, ward: ward, reviewer: "stress", at: .now())
                FileHandle.standardOutput.write(Data("note \(ward) ghi chú \(i)\n".utf8))
            }
        } catch let error as ReviewStoreError {
            throw CLIError(error.description)
        }
    }
}
