import Foundation
import Testing
import KieuMauCore
@testable import KieuMauWorkbook

/// The fixtures of `Fixtures/` (see its README), the embedded data, and scratch folders.
enum WorkbookSupport {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let embeddedData = packageRoot.appendingPathComponent("Sources/KieuMauCore/Resources/Data").path
    static let csvFixtures = packageRoot.appendingPathComponent("Tests/KieuMauCoreTests/Fixtures/import").path
    static let today = Day(year: 2026, month: 1, day: 15)!
    static let endOf2023 = Day(year: 2023, month: 12, day: 31)!
    static let endOf2025 = Day(year: 2025, month: 12, day: 31)!

    static let catalog = Catalog.scan(directory: embeddedData, today: today)

    static func map(_ id: String) throws -> AdminMap { try catalog.loadMap(id: id).get() }
    static func criteria(_ id: String) throws -> CriteriaSet { try #require(catalog.criteriaSets[id]) }

    static func bytes(_ fixture: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: fixtures + "/" + fixture)))
    }

    /// A fixture read as a workbook into the import's table, or the problem that stops it.
    static func table(_ fixture: String, sheet: String? = nil, limits: ImportLimits = ImportLimits()) throws -> Result<ImportTable, Problem> {
        WorkbookTableReader.table(bytes: try bytes(fixture), file: fixture, sheet: sheet, limits: limits)
    }

    /// A fixture's whole grid of one sheet, as the reader gives it to the import.
    static func grid(_ fixture: String, sheet name: String) throws -> SheetGrid {
        var package = try WorkbookPackage.open(try bytes(fixture), limits: WorkbookLimits())
        let sheet = try #require(package.sheets.first { $0.name == name })
        return try package.rows(of: sheet)
    }

    /// The text of a cell ("E7") of a grid; "" when blank.
    static func cell(_ grid: SheetGrid, _ reference: String) -> String {
        guard let at = CellReference(reference), let row = grid.rows.first(where: { $0.number == at.row }),
              at.column < row.cells.count else { return "" }
        return row.cells[at.column]
    }

    static func options(asOf: Day = endOf2023, province: String? = nil) -> ImportOptions {
        ImportOptions(asOf: asOf, series: "imported", title: "workbook test",
                      source: Source(id: "sheet", publisher: "Công an tỉnh", title: "test workbook", date: "2023-12"),
                      province: province)
    }

    /// Converts a table against a map and criteria set of the embedded data.
    static func convert(_ table: ImportTable, map mapID: String = "vn-2025-01", criteria criteriaID: String = "bca-5764-22",
                        options: ImportOptions = options()) throws -> ImportOutcome {
        SnapshotImporter.convert(table, map: try map(mapID), criteria: try criteria(criteriaID), options: options)
    }

    /// Converts a CSV fixture of the Core tests, for comparing with a workbook of the same wards.
    static func convertCSV(_ name: String) throws -> ImportOutcome {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: csvFixtures + "/" + name)))
        return SnapshotImporter.convert(bytes: bytes, file: name, map: try map("vn-2025-01"), criteria: try criteria("bca-5764-22"),
                                        options: options())
    }

    /// Writes a document and reads it back as the import would.
    static func roundTrip(_ document: WorkbookDocument, file: String = "made.xlsx", sheet: String? = nil,
                          limits: ImportLimits = ImportLimits()) -> Result<ImportTable, Problem> {
        WorkbookTableReader.table(bytes: WorkbookWriter.write(document), file: file, sheet: sheet, limits: limits)
    }

    /// A sheet of text cells, row by row from row 1 (empty strings left out).
    static func sheet(_ name: String, _ rows: [[String]]) -> WorkbookDocument.Sheet {
        var sheet = WorkbookDocument.Sheet(name: name)
        for (r, cells) in rows.enumerated() {
            for (c, text) in cells.enumerated() where !text.isEmpty { sheet[c, r + 1] = .text(text) }
        }
        return sheet
    }

    /// A folder of the test's own under the system's temporary directory, with copies of the
    /// embedded maps and criteria sets.
    static func dataDirectory() throws -> String {
        let folder = NSTemporaryDirectory() + "kieumau-workbook-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for part in ["maps", "criteria"] {
            try FileManager.default.copyItem(atPath: embeddedData + "/" + part, toPath: folder + "/" + part)
        }
        return folder
    }

    /// Every file under a folder, relative paths, sorted.
    static func files(in folder: String) -> [String] {
        (FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? [])
            .filter { !$0.hasPrefix("maps") && !$0.hasPrefix("criteria") }.sorted()
    }
}
