import Foundation
import Glibc
import KieuMauCore
import KieuMauWorkbook

/// `kieumau import` itself on the 20,000-row workbook of `WorkbookBench`: the program started,
/// the data folder scanned, the map read, the sheet imported, the snapshot checked with the
/// loader and written — what a user waits for. The folder holds the benchmark's map (as a map
/// file) and the embedded 20-criteria set.
struct WorkbookCommandBench {
    struct Result {
        var wall: Samples
        var cpu: Samples

        var markdown: String {
            let pass = wall.median < WorkbookBench.target
            return "| `kieumau import` of the workbook (launch to exit, snapshot written) | \(ms(wall.median)) | \(ms(wall.p90)) | < \(Int(WorkbookBench.target)) ms | \(pass ? "PASS" : "**MISS**") |\n"
                + "| its CPU time (user + system) | \(ms(cpu.median)) | \(ms(cpu.p90)) | | |\n"
        }
    }

    /// The embedded set of 20 criteria, as many as the sheet has columns.
    static let criteriaID = "bca-2024-20"

    static func measure(binary: String, workbook: [UInt8], folder: String, runs: Int) throws -> Result {
        let fm = FileManager.default
        try fm.createDirectory(atPath: folder + "/maps", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: folder + "/criteria", withIntermediateDirectories: true)
        try Data(mapFile.utf8).write(to: URL(fileURLWithPath: folder + "/maps/\(WorkbookBench.map.id).map.json"))
        guard let embedded = EmbeddedData.directory() else { throw BenchError("the embedded data was not found") }
        let criteria = "/criteria/\(criteriaID).criteria.json"
        if !fm.fileExists(atPath: folder + criteria) { try fm.copyItem(atPath: embedded + criteria, toPath: folder + criteria) }
        let file = folder + "/workbook-\(WorkbookBench.rows).xlsx"
        try Data(workbook).write(to: URL(fileURLWithPath: file))
        let arguments = ["import", file, "--as-of", "2025-06-30", "--map", WorkbookBench.map.id, "--criteria", criteriaID,
                         "--data", folder, "--series", "bench", "--force"]
        var result = Result(wall: Samples(), cpu: Samples())
        for run in 0...runs {   // the first run warms the page cache and is not counted
            let before = childrenCPU()
            let start = now()
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            let end = now()
            guard process.terminationStatus == 0 else {
                throw BenchError("kieumau \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)")
            }
            if run > 0 {
                result.wall.append(milliseconds(start, end))
                result.cpu.append(childrenCPU() - before)
            }
        }
        return result
    }

    /// The benchmark's map as a map file (docs/FORMAT.md).
    static var mapFile: String {
        let map = WorkbookBench.map
        var text = "{\"format\":\"kieumau.map\",\"version\":1,\"id\":\"\(map.id)\",\"title\":\"\(map.title)\",\"effective\":null,"
        text += "\"sources\":[],\"notes\":[\"SYNTHETIC: written by kieumau-bench for the workbook import figure.\"],"
        text += "\"provinces\":[" + map.provinces.map { "[\"\($0.code)\",\"\($0.name)\",\($0.units)]" }.joined(separator: ",") + "],"
        text += "\"districts\":[],\"wards\":[" + map.wards.map { "[\"\($0.code)\",\"\($0.name)\",\"\($0.provinceCode)\"]" }.joined(separator: ",")
        return text + "]}\n"
    }

    /// User and system CPU of the children waited for so far, in milliseconds.
    static func childrenCPU() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        func ms(_ t: timeval) -> Double { Double(t.tv_sec) * 1000 + Double(t.tv_usec) / 1000 }
        return ms(usage.ru_utime) + ms(usage.ru_stime)
    }
}
