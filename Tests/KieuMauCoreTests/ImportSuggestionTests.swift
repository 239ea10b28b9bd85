import Testing
@testable import KieuMauCore

/// "Did you mean" for unknown names: the same suggestions as comparing with every name of the
/// province, for a bounded amount of work (counted, not timed: docs/BENCHMARKS.md).
@Suite struct ImportSuggestionTests {
    /// What suggestions were before they were made fast: every name of the pool, in pool order.
    static func reference(_ key: String, among keys: [String]) -> [Int] {
        let target = Array(key)
        guard !target.isEmpty else { return [] }
        let allowed = max(1, target.count / 4)
        var scored: [(Int, Int)] = []
        for (i, k) in keys.enumerated() {
            let d = WardMatcher.editDistance(target, Array(k), limit: allowed)
            if d <= allowed { scored.append((d, i)) }
        }
        return scored.sorted { $0 < $1 }.prefix(3).map(\.1)
    }

    /// A sheet of `rows` wards of Thành phố Hồ Chí Minh (210 phường on vn-2025-01), none known and
    /// nearly all named differently. Every tenth is a ward's name with a letter replaced by one
    /// Vietnamese does not use (f, j, w, z), which the suggestions should find ("Tân Fình"); the
    /// others string three words of its ward names together, the last one misspelt the same way.
    static func unknownWardsSheet(rows: Int, map: AdminMap) throws -> String {
        let hcm = try #require(map.provinceIndex["79"])
        let names = map.wards(ofProvinceAt: hcm).map { String($0.name.dropFirst("Phường ".count)) }
        var words: [String] = []
        for name in names {
            for word in name.split(separator: " ").map(String.init) where !words.contains(word) && !ImportWords.isNumber(word) {
                words.append(word)
            }
        }
        let foreign: [Character] = ["f", "j", "w", "z"]
        func misspelt(_ word: String, at position: Int, _ i: Int) -> String {
            var letters = Array(word)
            letters[position % letters.count] = foreign[i % 4]
            return String(letters)
        }
        var text = "STT,Tỉnh/TP,Phường,Trạng thái,Số tiêu chí đạt\n"
        for i in 0..<rows {
            let name: String
            if i % 10 == 0 {
                name = misspelt(names[(i / 10) % names.count], at: i / 10 / names.count, i / 10)
            } else {
                let n = words.count
                name = "\(words[i % n]) \(words[(i / n) % n]) " + misspelt(words[(i / n / n) % n], at: 0, i)
            }
            text += "\(i + 1),Thành phố Hồ Chí Minh,Phường \(name),Đã đăng ký,10/22\n"
        }
        return text
    }

    @Test func twentyThousandUnknownWardsTakeBoundedWorkAndGetTheSameSuggestions() throws {
        let map = try ImportSupport.map("vn-2025-01")
        let rows = 20_000
        let outcome = try ImportSupport.convert("unknown.csv", text: try Self.unknownWardsSheet(rows: rows, map: map))
        #expect(outcome.summary.rowsRead == rows && outcome.summary.rowsInError == rows)
        let unknown = outcome.problems.filter { $0.message.hasPrefix("no ward named") }
        #expect(unknown.count == rows)
        #expect(Set(unknown.map { $0.message.split(separator: "\"")[1] }).count > 18_000, "distinct names: no help from the cache (\\(rows) rows)")

        let work = outcome.suggestionWork
        #expect(work.unanswered == 0)
        // Comparing each row with each of the 210 wards was 4.2 million edit distances (of keys made
        // again for every row); now about 46 names of a fitting length are looked at per row, and
        // fewer than one gets an edit distance.
        #expect(work.distances < rows, "\(work)")
        #expect(work.compared < rows * 60, "\(work)")
        #expect(work.compared <= ImportLimits().maxSuggestionWork)

        // The suggestions are those of comparing with every ward of the province.
        let hcm = try #require(map.provinceIndex["79"])
        let pool = Array(map.wardRanges[hcm])
        let keys = pool.map { WardMatcher.wardKey(map.wards[$0].name) }
        var suggested = 0
        for problem in unknown.prefix(1_000) {
            let name = try #require(problem.message.split(separator: "\"").dropFirst().first.map(String.init))
            let nearest = Self.reference(WardMatcher.wardKey(name), among: keys).map { map.wards[pool[$0]] }
            let expected = ImportRowReader.suggestion(nearest.map { w in
                "\(w.name) (\(w.code)\(map.district(w.districtCode).map { ", \($0.name)" } ?? ""))"
            })
            if expected.isEmpty {
                #expect(!problem.message.contains("did you mean"), "\(problem.message)")
            } else {
                suggested += 1
                #expect(problem.message.hasSuffix(expected), "\(problem.message)")
            }
        }
        #expect(suggested > 60, "most of the names a letter off get a suggestion")
    }

    @Test func aNameRepeatedOnManyRowsIsAnsweredOnce() throws {
        var text = "STT,Tỉnh/TP,Phường,Trạng thái,Số tiêu chí đạt\n"
        for i in 0..<2_000 { text += "\(i + 1),Nghệ An,Hà Huy Tầm \(i % 2 == 0 ? "" : "Mới"),Đã đăng ký,10/22\n" }
        let outcome = try ImportSupport.convert("repeated.csv", text: text)
        #expect(outcome.summary.rowsInError == 2_000)
        #expect(outcome.problems.first?.message.hasSuffix("did you mean Phường Hà Huy Tập (16666, Thành phố Vinh)?") == true)
        let once = outcome.suggestionWork
        let single = try ImportSupport.convert("single.csv", text: String(text.split(separator: "\n").prefix(3).joined(separator: "\n")))
        #expect(once == single.suggestionWork, "2,000 rows of two names cost what 2 rows do")
    }

    @Test func pastTheCapUnknownNamesGetNoSuggestionAndAWarningSaysSo() throws {
        let map = try ImportSupport.map("vn-2025-01")
        let limits = ImportLimits(maxSuggestionWork: 2_000)
        let outcome = try ImportSupport.convert("unknown.csv", text: try Self.unknownWardsSheet(rows: 300, map: map),
                                                options: ImportSupport.options(limits: limits))
        let work = outcome.suggestionWork
        #expect(work.compared <= 2_000 && work.unanswered > 0, "\(work)")
        let unknown = outcome.problems.filter { $0.message.hasPrefix("no ward named") }
        #expect(unknown.count == 300)
        #expect(unknown.prefix(5).contains { $0.message.contains("did you mean") }, "the first rows are answered")
        // Of the last rows, those whose name was not on an earlier row are not (a name seen before
        // keeps its answer).
        let names = unknown.map { $0.message.split(separator: "\"")[1] }
        let new = (200..<300).filter { !names[..<$0].contains(names[$0]) }
        #expect(new.count > 50)
        #expect(!new.contains { unknown[$0].message.contains("did you mean") }, "the last new names are not")
        // One warning, in file order: just before the first row left without suggestions.
        let notes = outcome.problems.filter { $0.severity == .warning }
        #expect(notes.count == 1)
        let note = try #require(notes.first)
        let at = try #require(outcome.problems.firstIndex(of: note))
        #expect(note.message.hasPrefix("from this row on, unknown names get no \"did you mean\": there are too many"))
        #expect(note.message.contains("(at most 2000 comparisons an import)"))
        #expect(note.path == outcome.problems[at + 1].path.prefix(while: { $0 != "," }).description)
        #expect(!outcome.problems[at + 1].message.contains("did you mean"))
        #expect(outcome.problems[..<at].contains { $0.message.contains("did you mean") })
    }

    /// Random keys over a small alphabet, so that many are within the distance: the length window
    /// and the letter-count bound drop no name the full comparison would suggest.
    @Test func theBoundsDropNoNameAFullComparisonWouldSuggest() {
        var g = SplitMix64(seed: 11)
        func key(_ length: Int) -> String { String((0..<length).map { _ in Character(Unicode.Scalar(UInt8(97 + g.next() % 4))) }) }
        let keys = (0..<300).map { _ in key(1 + Int(g.next() % 12)) } + ["", "hà", "ha"]
        var suggestions = NameSuggestions(budget: .max)
        for _ in 0..<400 {
            let query = key(Int(g.next() % 14))
            let found = suggestions.nearest(query, in: .provinces) { keys.enumerated().map { ($0, $1) } }
            #expect(found == Self.reference(query, among: keys), "\(query)")
        }
        #expect(suggestions.nearest("hà", in: .provinces) { [] } == [301, 302])
        #expect(suggestions.work.distances < 400 * 300)
    }
}
