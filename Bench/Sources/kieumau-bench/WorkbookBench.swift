import Foundation
import Glibc
import KieuMauCore
import KieuMauWorkbook

/// The workbook import at its limit: a sheet of 20,000 ward rows (the import's row limit) with
/// every column a province fills — province, code, name, stage, year, 20 criteria as đạt /
/// chưa đạt / ?, a note — written as an .xlsx, then imported as `kieumau import` does: the zip
/// and the sheet's XML read into the table of cells, then the column rules and the ward matching.
/// Target: under a second, in release on this machine. Self-contained (its own map and criteria
/// set), so that it can move with the benchmark tool.
struct WorkbookBench {
    static let rows = 20_000
    static let target = 1_000.0

    struct Result {
        var fileBytes: Int
        var sheetBytes: Int
        var write: Samples
        /// Zip, XML and cells into the import's table.
        var read: Samples
        /// The column rules, ward matching and the snapshot's text.
        var convert: Samples
        var total: Samples
        /// The import's CPU time (this thread), which the machine's other load does not inflate.
        var cpu: Samples
        var wardsMatched: Int
        var errors: Int
        /// The workbook measured.
        var workbook: [UInt8]
        /// `kieumau import` run on it, when measured.
        var command: WorkbookCommandBench.Result?

        var markdown: String {
            var out = "\n### Workbook import\n\n"
            out += "A sheet of \(Self.group(WorkbookBench.rows)) ward rows × 27 columns (province, code, name, stage, year, 20 criteria, note) "
            out += "as an .xlsx of \(fmt(Double(fileBytes) / 1e6)) MB (the sheet's XML \(fmt(Double(sheetBytes) / 1e6)) MB), "
            out += "imported in process as `kieumau import` does; \(wardsMatched) wards matched, \(errors) errors; \(read.count) runs.\n\n"
            out += "| step | median | p90 | target | |\n|---|---|---|---|---|\n"
            out += "| read: zip, XML and cells → the import's table | \(ms(read.median)) | \(ms(read.p90)) | | |\n"
            out += "| convert: column rules, ward matching, snapshot text | \(ms(convert.median)) | \(ms(convert.p90)) | | |\n"
            let pass = total.median < WorkbookBench.target
            out += "| **import of 20,000 rows** | \(ms(total.median)) | \(ms(total.p90)) | < \(Int(WorkbookBench.target)) ms | \(pass ? "PASS" : "**MISS**") |\n"
            out += "| import's CPU time (this thread) | \(ms(cpu.median)) | \(ms(cpu.p90)) | | |\n"
            out += command?.markdown ?? ""
            out += "| (write the workbook: `kieumau template`'s writer) | \(ms(write.median)) | \(ms(write.p90)) | | |\n"
            return out
        }

        static func group(_ n: Int) -> String {
            let digits = Array(String(n))
            return digits.enumerated().map { i, d in (i > 0 && (digits.count - i) % 3 == 0 ? "," : "") + String(d) }.joined()
        }
    }

    /// One province of `rows` wards, codes 900001…, on a map of its own.
    static let map: AdminMap = {
        let wards = (1...rows).map { Ward(code: String(900_000 + $0), name: "Phường Thử \($0)", provinceCode: "90") }
        return AdminMap(id: "bench-workbook", title: "Benchmark map: one province of \(rows) wards (synthetic)", effective: nil,
                        hasDistricts: false, provinces: [Province(code: "90", name: "Tỉnh Thử Nghiệm", units: rows)],
                        districts: [], wards: wards)
    }()

    static let criteria = CriteriaSet(id: "bench-20", title: "20 criteria (benchmark)", criteria: (1...20).map { Criterion(number: $0) })

    /// The sheet: a title row, the header, then one row per ward, its marks varied deterministically.
    static func document() -> WorkbookDocument {
        var sheet = WorkbookDocument.Sheet(name: "Tỉnh Thử Nghiệm")
        sheet[0, 1] = .text("DANH SÁCH CÔNG AN PHƯỜNG (benchmark)")
        let header = ["Tỉnh", "Mã phường", "Tên phường", "Trạng thái", "Năm đăng ký"] + (1...20).map { "TC\($0)" } + ["Ghi chú"]
        for (column, name) in header.enumerated() { sheet[column, 2] = .text(name) }
        var random = SplitMix64(seed: 0x5853_4C58)   // "XSLX"
        let marks = ["đạt", "chưa đạt", "?"]
        for (i, ward) in map.wards.enumerated() {
            let row = i + 3
            sheet[0, row] = .text("Tỉnh Thử Nghiệm")
            sheet[1, row] = .text(ward.code)
            sheet[2, row] = .text(ward.name)
            let allMet = random.next() % 4 == 0
            sheet[3, row] = .text(allMet ? "Đạt" : "Đã đăng ký")
            sheet[4, row] = WorkbookDocument.Cell(.number(Double(2021 + Int(random.next() % 4))))
            for k in 0..<20 { sheet[5 + k, row] = .text(allMet ? "đạt" : marks[Int(random.next() % 3)]) }
            if random.next() % 5 == 0 { sheet[25, row] = .text("Ghi chú số \(i + 1)") }
        }
        return WorkbookDocument(sheets: [sheet])
    }

    static func measure(runs: Int) throws -> Result {
        let document = document()
        var write = Samples()
        var bytes: [UInt8] = []
        for _ in 0..<max(1, runs / 4) {
            let start = now()
            bytes = WorkbookWriter.write(document)
            write.append(milliseconds(start, now()))
        }
        let source = Source(id: "bench", publisher: "kieumau-bench", title: "20,000-row workbook", date: "2025-06")
        let options = ImportOptions(asOf: Day(year: 2025, month: 6, day: 30)!, series: "bench", title: "bench", source: source)
        var read = Samples(), convert = Samples(), total = Samples(), cpu = Samples()
        var outcome: ImportOutcome?
        for _ in 0...runs {   // the first run warms up and is not counted
            let start = now(), startCPU = threadCPUNanoseconds()
            let table = try WorkbookTableReader.table(bytes: bytes, file: "workbook.xlsx").get()
            let tabled = now()
            outcome = SnapshotImporter.convert(table, map: map, criteria: criteria, options: options)
            let end = now()
            if outcome?.text == nil { throw BenchError("the benchmark workbook did not import: \(outcome?.errors.first?.description ?? "")") }
            read.append(milliseconds(start, tabled)); convert.append(milliseconds(tabled, end)); total.append(milliseconds(start, end))
            cpu.append(milliseconds(startCPU, threadCPUNanoseconds()))
        }
        // Drop the warm-up run.
        read = Samples(Array(read.values.dropFirst())); convert = Samples(Array(convert.values.dropFirst()))
        total = Samples(Array(total.values.dropFirst())); cpu = Samples(Array(cpu.values.dropFirst()))
        return Result(fileBytes: bytes.count, sheetBytes: WorkbookParts.inflatedSizes(bytes)["xl/worksheets/sheet1.xml"] ?? 0, write: write, read: read, convert: convert,
                      total: total, cpu: cpu, wardsMatched: outcome?.summary.wardsMatched ?? 0, errors: outcome?.errors.count ?? 0,
                      workbook: bytes)
    }
}

/// This thread's CPU time in nanoseconds.
func threadCPUNanoseconds() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
}
