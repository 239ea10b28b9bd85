import Foundation
import Testing

extension EndToEnd {
    /// Clicks land on the row drawn under the pointer, in every list, whatever is drawn above the
    /// list: in the criteria view a note line sits between the title and the rows (a click once
    /// selected the row above the one under the pointer for each such line).
    @Suite(.enabled(if: TmuxSession.isAvailable, "tmux is not installed; end-to-end tests need it"))
    struct MouseEndToEndTests {
        /// Clicks each of `names` where it is drawn and checks the cursor lands on it.
        private static func clickEach(_ names: [String], in pane: DashboardPane) async throws {
            for name in names {
                let lines = try pane.screenLines()
                let y = try #require(lines.firstIndex { $0.contains(name) }, "\(name) is not on screen")
                try pane.click(x: 12, y: y)
                try await pane.waitForCursor(on: name)
            }
        }

        @Test func aClickSelectsTheRowUnderItInTheCriteriaViewWithNotesAboveIt() async throws {
            let pane = try DashboardPane(width: 120, height: 40, arguments: ["--series", "demo"])
            try await pane.waitUntilRunning()
            try pane.press("c")
            let lines = try await pane.waitForLines("the criteria view") { $0.contains { $0.contains("What holds wards back") } }
            let title = try #require(lines.firstIndex { $0.contains("What holds wards back") })
            let firstRow = try #require(lines.firstIndex { $0.range(of: #"^(▸| ) +\d+ Criterion"#, options: .regularExpression) != nil })
            #expect(firstRow > title + 1, "no note between the title and the list, so the test shows nothing:\n\(lines.joined(separator: "\n"))")
            try await Self.clickEach(["Criterion 15 ", "Criterion 1 ", "Criterion 17 ", "Criterion 8 "], in: pane)
            // A double click opens the row under it: the wards missing that criterion.
            let row = try #require(try pane.screenLines().firstIndex { $0.contains("Criterion 13 ") })
            try pane.click(x: 12, y: row)
            try pane.click(x: 12, y: row)
            try await pane.waitForStatus("Criterion 13")
            try pane.press("q")
            #expect(try await pane.waitForExit().status == 0)
        }

        @Test func aClickSelectsTheRowUnderItInTheProvinceAndWardLists() async throws {
            // The wards named are those of the map before July 2025: that snapshot as published.
            let pane = try DashboardPane(width: 120, height: 40, arguments: ["--snapshot", "2025-06-11"])
            try await pane.waitUntilRunning()
            try await Self.clickEach(["Tỉnh Bắc Ninh", "Tỉnh An Giang", "Thành phố Hà Nội"], in: pane)
            try await pane.openProvince("nghe an", row: "Tỉnh Nghệ An", breadcrumb: "Nationwide › Nghệ An")
            try await Self.clickEach(["Phường Trường Thi", "Phường Hà Huy Tập", "Phường Nghi Hòa"], in: pane)
            try pane.press("q")
            #expect(try await pane.waitForExit().status == 0)
        }
    }
}
