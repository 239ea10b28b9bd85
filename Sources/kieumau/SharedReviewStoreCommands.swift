import ArgumentParser
import Foundation
import KieuMauReviews
import KieuMauReviewsPostgres

/// `kieumau reviews init`: creates or migrates a shared store's schema and loads the ward →
/// province tables of the embedded maps. For a file, creates or upgrades it.
struct ReviewsInitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create or migrate the review store's schema (run as the database's owner).",
        discussion: """
            Idempotent and safe to run twice at once. The role that runs it owns the schema and may
            review every ward; other roles get provinces with `kieumau reviews grant`.
            """)

    @OptionGroup var store: ReviewStoreOptions

    func run() throws {
        let address = try store.address()
        do {
            switch address {
            case .file(let path):
                _ = try ReviewStore.open(path: path)
                print("review store \(path) is ready")
            case .postgres(let uri):
                let report = try PostgresReviewStore.initialize(uri: uri)
                let change = report.fromVersion == report.toVersion
                    ? "schema version \(report.toVersion), already current"
                    : "schema version \(report.fromVersion) → \(report.toVersion)"
                let maps = report.maps.map { "\($0.id) (\($0.wards) wards)" }.joined(separator: ", ")
                print("review store \(address.displayName): \(change); ward → province tables loaded: \(maps)")
            }
        } catch {
            throw CLIError(error.description)
        }
    }
}

/// `kieumau reviews grant ROLE --province CODE[,CODE…]`: a role may write marks and notes for
/// those provinces' wards, and read all.
struct ReviewsGrantCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grant",
        abstract: "Let a PostgreSQL role review the wards of some provinces (and read all).",
        discussion: """
            Replaces what the role was granted before. The database enforces it (row-level
            security): a mark on a ward of another province is refused. Run as the schema's owner.
            The role must exist (CREATE ROLE name LOGIN PASSWORD '…').
            """)

    @Argument(help: ArgumentHelp("The PostgreSQL role (a login, or a group its members log in through).", valueName: "role"))
    var role: String

    @Option(help: ArgumentHelp("Province codes, comma-separated (e.g. 40 for Nghệ An, 01 for Hà Nội).", valueName: "codes"))
    var province: String

    @OptionGroup var store: ReviewStoreOptions

    func run() throws {
        let address = try store.address()
        guard case .postgres(let uri) = address else {
            throw CLIError("reviews grant: only a shared store has roles; --reviews must be a postgresql:// URI, found \(address.displayName)")
        }
        let codes = province.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        do {
            let granted = try PostgresReviewStore.grant(role: role, provinces: codes, uri: uri)
            print("role \(role) may now review wards of \(granted.map(\.description).joined(separator: ", ")) and read all, in \(address.displayName)")
        } catch {
            throw CLIError(error.description)
        }
    }
}

/// `kieumau reviews copy --from PATH --to URI`: every review of one store merged into another.
struct ReviewsCopyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy every review of one store into another (e.g. a local file into a shared store).",
        discussion: """
            A merge, as `reviews import`: newest mark wins, notes are never lost, and running it again
            changes nothing. All or nothing: when anything is refused, nothing is copied.
            """)

    @Option(help: ArgumentHelp("The store to copy from (a path or a URI).", valueName: "path|uri"))
    var from: String

    @Option(help: ArgumentHelp("The store to copy into (a path or a URI).", valueName: "path|uri"))
    var to: String

    func run() throws {
        let source = ReviewStoreAddress.parse(from), target = ReviewStoreAddress.parse(to)
        guard source != target else { throw CLIError("reviews copy: --from and --to name the same store (\(source.displayName))") }
        do {
            let reviews = try ReviewStores.open(source, mode: .readOnly).allReviews()
            let counts = try ReviewStores.open(target).merge(reviews)
            print("copied \(reviews.count) review(s) from \(source.displayName) to \(target.displayName): \(counts.summary)")
        } catch {
            throw CLIError(error.description)
        }
    }
}
