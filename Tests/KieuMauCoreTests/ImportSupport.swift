import Foundation
import Testing
@testable import KieuMauCore

/// Fixtures and a scratch data directory for the Import*Tests.
enum ImportSupport {
    static let fixtures = Fixtures.root + "/import"
    static let today = Fixtures.today
    static let endOf2023 = Day(year: 2023, month: 12, day: 31)!

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: fixtures + "/" + name)))
    }

    /// A fresh data directory holding the embedded maps and criteria sets (and, when asked, the
    /// embedded published record).
    static func dataDirectory(withRecord: Bool = false) throws -> String {
        let folder = NSTemporaryDirectory() + "kieumau-import-" + UUID().uuidString
        let fm = FileManager.default
        try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let embedded = GenerateSupport.dataDirectory.path
        for part in ["maps", "criteria"] + (withRecord ? ["record"] : []) {
            try fm.copyItem(atPath: embedded + "/" + part, toPath: folder + "/" + part)
        }
        return folder
    }

    static let embeddedCatalog = Catalog.scan(directory: GenerateSupport.dataDirectory.path, today: today)

    static func map(_ id: String) throws -> AdminMap { try embeddedCatalog.loadMap(id: id).get() }
    static func criteria(_ id: String) throws -> CriteriaSet { try #require(embeddedCatalog.criteriaSets[id]) }

    static func options(asOf: Day = endOf2023, skipBadRows: Bool = false, limits: ImportLimits = ImportLimits()) -> ImportOptions {
        ImportOptions(asOf: asOf, series: "imported", title: "test import",
                      source: Source(id: "sheet", publisher: "Công an Nghệ An", title: "test sheet", date: "2023-12"),
                      skipBadRows: skipBadRows, limits: limits)
    }

    /// Converts a fixture (or `text`) against the 63-province map and the 22 criteria of 2021.
    static func convert(_ name: String, text: String? = nil, criteria criteriaID: String = "bca-5764-22",
                        options: ImportOptions = options()) throws -> ImportOutcome {
        let bytes = try text.map { Array($0.utf8) } ?? self.bytes(name)
        return SnapshotImporter.convert(bytes: bytes, file: name, map: try map("vn-2025-01"), criteria: try criteria(criteriaID), options: options)
    }

    /// A request to import a fixture into `data` as of the end of 2023.
    static func request(_ name: String, data: String, criteria: String? = "bca-5764-22") -> ImportRequest {
        ImportRequest(file: fixtures + "/" + name, asOf: endOf2023, dataDirectory: data, outDirectory: data, today: today,
                      criteriaID: criteria)
    }

    /// The ward rows by code.
    static func byCode(_ wards: [WardPolice]) -> [String: WardPolice] {
        Dictionary(wards.map { ($0.wardCode, $0) }, uniquingKeysWith: { a, _ in a })
    }
}
