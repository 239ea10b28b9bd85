import CLibFuzzer
import KieuMauCore
#if canImport(Glibc)
import Glibc
#endif

/// The fuzzer's input as bytes.
public func fuzzBytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
}

/// Stops the run with a message when a property the decoders promise does not hold: libFuzzer
/// then saves the input as a crash, like a trap in the code under test.
public func require(_ condition: Bool, _ message: @autoclosure () -> String,
                    file: StaticString = #fileID, line: UInt = #line) {
    if !condition { fatalError("fuzz property broken: \(message())", file: file, line: line) }
}

/// A cheap, stable hash of the input (FNV-1a), to vary choices such as a chunk size without
/// taking bytes away from the data being decoded.
public func inputHash(_ bytes: [UInt8]) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
    return h
}

/// The data the program ships, read once per process: decoded snapshots are checked against its
/// real criteria sets and maps, so the fuzzer reaches the row checks and not only the header.
public enum RealData {
    /// A fixed "today", so a run does not depend on the clock.
    public static let today = Day(year: 2030, month: 1, day: 1) ?? Day.today(secondsSince1970: 0)

    public static let catalog: Catalog = {
        guard let directory = EmbeddedData.directory() else {
            fatalError("the embedded data (Sources/KieuMauCore/Resources/Data) was not found")
        }
        return Catalog.scan(directory: directory, today: today)
    }()

    /// Every map of the embedded data by id.
    public static let maps: [String: AdminMap] = {
        var maps: [String: AdminMap] = [:]
        for id in catalog.mapFiles.keys {
            guard case .success(let map) = catalog.loadMap(id: id) else { fatalError("embedded map \(id) does not load") }
            maps[id] = map
        }
        return maps
    }()

    /// The map before the 2025 merger (63 provinces, with districts), the one imports usually use.
    public static let oldMap: AdminMap = {
        guard let map = maps["vn-2025-01"] else { fatalError("embedded map vn-2025-01 is missing") }
        return map
    }()
}

/// Properties every decoded problem must have: it names the file and says what was wrong.
public func checkProblems(_ problems: [Problem], file: String) {
    require(!problems.isEmpty, "a failure without a problem")
    for p in problems {
        require(p.file == file, "problem names file \(p.file), expected \(file)")
        require(!p.message.isEmpty, "problem without a message")
        if let line = p.line { require(line >= 1, "problem on line \(line)") }
        if let column = p.column { require(column >= 1, "problem in column \(column)") }
    }
}

/// Hands the check of one input to libFuzzer, which runs it over the corpus and mutations of it
/// as the command line says (`-max_len`, `-timeout`, …), and exits with libFuzzer's status.
public func runFuzzer(_ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, testOneInput))
}

extension RealData {
    /// Provinces kept in the small maps: Hà Nội, Nghệ An (the import samples' province), Đà Nẵng.
    public static let smallMapProvinces: Set<String> = ["01", "40", "48"]

    /// The old map cut down to `smallMapProvinces`: for targets that index a whole map for every
    /// input (an import matches names against it), so that each run stays fast.
    public static let smallOldMap = oldMap.only(provinces: smallMapProvinces)
}

extension AdminMap {
    /// The same map with only the provinces of `codes`, their districts and their wards.
    public func only(provinces codes: Set<String>) -> AdminMap {
        AdminMap(id: id, title: title, effective: effective, hasDistricts: hasDistricts,
                 provinces: provinces.filter { codes.contains($0.code) },
                 districts: districts.filter { codes.contains($0.provinceCode) },
                 wards: wards.filter { codes.contains($0.provinceCode) }, sources: sources, notes: notes)
    }
}
