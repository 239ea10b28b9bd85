/// The wards section of a digest cache file: whether the snapshot has rows, then `WardStages` as it
/// is kept — every ward's stage byte, every ward's criteria-met byte, and the counts that did not
/// fit in a byte.
extension DigestByteWriter {
    mutating func wards(_ w: WardStages, hasRows: Bool) {
        bool(hasRows)
        count(w.count)
        raw(w.stages)
        raw(w.met)
        let outOfRange = w.outOfRangeMet.sorted { $0.key < $1.key }
        count(outOfRange.count)
        for (index, met) in outOfRange { u32(UInt32(clamping: index)); i64(met) }
    }
}

extension DigestByteReader {
    static let highestStage = Stage.allCases.map(\.rawValue).max() ?? 0

    mutating func wards() throws(DigestFileError) -> (WardStages, hasRows: Bool) {
        let hasRows = try bool("wards.hasRows")
        let n = try count("wards.count", elementSize: 2)
        let stagesAt = offset
        let stageBytes = try bytes(n, "wards.stages").assumingMemoryBound(to: UInt8.self)
        // Loops without early exits, which the compiler turns into vector instructions: 100,000
        // wards are checked in a few tens of thousands of instructions.
        var highest: UInt8 = 0
        for i in stageBytes.indices { highest = max(highest, stageBytes[i]) }
        if highest > Self.highestStage, let bad = stageBytes.firstIndex(where: { $0 > Self.highestStage }) {
            throw .invalid(field: "wards.stages[\(bad)]", offset: stagesAt + bad, detail: "unknown stage \(stageBytes[bad])")
        }
        let metBytes = try bytes(n, "wards.met").assumingMemoryBound(to: UInt8.self)
        var elsewhere = 0
        for i in metBytes.indices { elsewhere &+= metBytes[i] == WardStages.elsewhere ? 1 : 0 }
        let stages = [UInt8](stageBytes), met = [UInt8](metBytes)
        let m = try count("wards.outOfRangeMet", elementSize: 12)
        guard m == elsewhere else {
            throw .invalid(field: "wards.outOfRangeMet", offset: offset - 4,
                           detail: "\(m) counts for the \(elsewhere) wards whose count is kept apart")
        }
        var outOfRange: [Int: Int] = [:]
        outOfRange.reserveCapacity(m)
        var previous = -1
        for i in 0..<m {
            let at = offset
            let index = Int(try u32("wards.outOfRangeMet[\(i)].ward"))
            guard index > previous, index < n, met[index] == WardStages.elsewhere else {
                throw .invalid(field: "wards.outOfRangeMet[\(i)].ward", offset: at,
                               detail: "ward \(index) is not the next ward whose count is kept apart")
            }
            let valueAt = offset
            let value = try i64("wards.outOfRangeMet[\(i)].met", in: Int(Int32.min)...Int(Int32.max))
            // A count that fits in a byte is kept in the byte (`WardStages.init`).
            guard value < 0 || value >= Int(WardStages.elsewhere) else {
                throw .invalid(field: "wards.outOfRangeMet[\(i)].met", offset: valueAt, detail: "\(value) belongs in the ward's byte")
            }
            outOfRange[index] = value
            previous = index
        }
        return (WardStages(stages: stages, met: met, outOfRangeMet: outOfRange), hasRows)
    }
}
