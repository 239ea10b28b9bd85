import Testing
import KieuMauCore
@testable import KieuMauTUI

@Suite struct StateTests {
    func press(_ c: AppRuntime, _ keys: Key...) { for k in keys { c.handle(k) } }
    func type(_ c: AppRuntime, _ text: String) { for ch in text { c.handle(.char(ch)) } }
    func selectedProvinceName(_ c: AppRuntime) -> String? { c.state.selectedProvince.map { c.state.map.provinces[$0].name } }
    func selectedWardName(_ c: AppRuntime) -> String? { c.state.selectedWard.map { c.state.map.wards[$0].name } }

    @Test func drillInAndBackRestoresTheCursor() {
        let c = Fixture.controller()
        #expect(selectedProvinceName(c) == "Thành phố Đà Nẵng")  // name order: Đà Nẵng, Hà Nội, Nghệ An, Phú Yên
        press(c, .down, .down)
        #expect(selectedProvinceName(c) == "Tỉnh Nghệ An")
        press(c, .enter)
        #expect(c.state.level == .wards)
        press(c, .char("j"), .char("j"))
        let ward = selectedWardName(c)
        press(c, .enter)
        #expect(c.state.level == .wardDetail)
        press(c, .escape)
        #expect(c.state.level == .wards && selectedWardName(c) == ward)
        press(c, .char("h"))
        #expect(c.state.level == .provinces && selectedProvinceName(c) == "Tỉnh Nghệ An")
        press(c, .right)
        #expect(selectedWardName(c) == ward)  // re-entering the same province keeps the ward
    }

    @Test func filterIgnoresDiacriticsAndEscClearsIt() {
        let c = Fixture.controller()
        press(c, .down, .down, .enter, .char("/"))
        type(c, "ha huy tap")
        #expect(c.state.wardRows.count == 1)
        #expect(selectedWardName(c) == "Phường Hà Huy Tập")
        press(c, .enter)
        #expect(!c.state.editingFilter && c.state.wardFilter == "ha huy tap")
        press(c, .escape)
        #expect(c.state.wardFilter.isEmpty && c.state.wardRows.count == 5 && c.state.level == .wards)
        press(c, .escape)
        #expect(c.state.level == .provinces)
        press(c, .char("/"))
        type(c, "đa nang")
        #expect(c.state.provinceRows.count == 1 && selectedProvinceName(c) == "Thành phố Đà Nẵng")
        for _ in 0..<6 { press(c, .backspace) }
        #expect(c.state.provinceFilter == "đ" && c.state.provinceRows.count == 1)  // "đ" → "d": only Đà Nẵng
        press(c, .backspace)
        #expect(c.state.provinceRows.count == 4)
    }

    @Test func nextWardCrossesIntoTheNextProvince() {
        let c = Fixture.controller()
        // Province order by name: Đà Nẵng (2 wards), Hà Nội (4), Nghệ An (5), Phú Yên (0)
        press(c, .enter)
        #expect(selectedWardName(c) == "Phường Hải Châu I")
        press(c, .enter)  // into the detail: n keeps working there
        press(c, .char("n"))
        #expect(selectedWardName(c) == "Phường Khuê Trung")
        press(c, .char("n"))
        #expect(c.state.level == .wardDetail)
        #expect(selectedWardName(c) == "Phường Dịch Vọng Hậu")  // first ward of Hà Nội by name
        #expect(c.state.province.map { c.state.map.provinces[$0].name } == "Thành phố Hà Nội")
        #expect(c.state.notice?.contains("Hà Nội") == true)
        press(c, .char("p"))
        #expect(selectedWardName(c) == "Phường Khuê Trung")
        for _ in 0..<20 { press(c, .char("n")) }
        #expect(c.state.notice == Strings(.en).lastWard)  // Phú Yên has no wards: skipped, then the end
        #expect(c.state.province.map { c.state.map.provinces[$0].name } == "Tỉnh Nghệ An")
    }

    @Test func snapshotStepKeepsThePlace() {
        let c = Fixture.controller()
        press(c, .down, .down, .enter)
        press(c, .char("/")); type(c, "hoa"); press(c, .enter)
        #expect(selectedWardName(c) == "Phường Hòa Hiếu")
        press(c, .enter)
        press(c, .char("<"))
        #expect(c.state.snapshotIndex == 0)
        #expect(c.state.level == .wardDetail && selectedWardName(c) == "Phường Hòa Hiếu")
        press(c, .char("<"))
        #expect(c.state.notice == Strings(.en).firstSnapshot)
        press(c, .char(">"))
        #expect(c.state.snapshotIndex == 1 && selectedWardName(c) == "Phường Hòa Hiếu")
    }

    @Test func sortAndBandFilterCycle() {
        let c = Fixture.controller()
        press(c, .char("s"))
        #expect(c.state.provinceSort == .share)
        #expect(selectedProvinceName(c) == "Thành phố Đà Nẵng")  // the cursor stays on its province
        press(c, .home)
        #expect(selectedProvinceName(c) == "Tỉnh Nghệ An")   // 2 of 5 model = 40%
        press(c, .char("s"), .char("s"), .char("s"))
        #expect(c.state.provinceSort == .name)
        press(c, .char("f"))
        #expect(c.state.bandFilter == .below)
        // Đà Nẵng 0 of 2, Hà Nội 1 of 4 (25%); Phú Yên has no units and is in no band.
        #expect(c.state.provinceRows.map { c.state.map.provinces[$0].name } == ["Thành phố Đà Nẵng", "Thành phố Hà Nội"])
        press(c, .char("f"))
        #expect(c.state.provinceRows.map { c.state.map.provinces[$0].name } == ["Tỉnh Nghệ An"])
        press(c, .char("f"))
        #expect(c.state.provinceRows.isEmpty)
    }

    /// `s` and `f` act on the list on screen (the ward list's, in a ward's detail), say what they
    /// chose, and do nothing in the question views.
    @Test func sortAndFilterKeysActOnTheListOnScreenAndNameTheChoice() {
        let c = Fixture.controller()
        press(c, .char("s"))
        #expect(c.state.notice == "sort: share" && c.state.wardSort == .name)
        press(c, .char("f"))
        #expect(c.state.notice == "filter: below 30%" && c.state.stageFilter == .all)
        press(c, .enter)                                    // a province's wards
        #expect(c.state.level == .wards)
        press(c, .char("s"))
        #expect(c.state.notice == "sort: criteria met" && c.state.provinceSort == .share)
        press(c, .char("f"))
        #expect(c.state.notice == "filter: not registered" && c.state.bandFilter == .below)
        press(c, .char("f"), .char("f"), .char("f"))        // back round to every stage
        #expect(c.state.stageFilter == .all && !c.state.wardRows.isEmpty)
        press(c, .enter)                                    // a ward's detail
        #expect(c.state.level == .wardDetail)
        press(c, .char("s"))
        #expect(c.state.notice == "sort: stage" && c.state.wardSort == .stage)
        press(c, .escape, .escape, .char("c"))              // the criteria view
        #expect(c.state.level == .criteria)
        press(c, .char("s"), .char("f"))
        #expect(c.state.notice == nil)
        #expect(c.state.provinceSort == .share && c.state.bandFilter == .below)
        #expect(c.state.wardSort == .stage && c.state.stageFilter == .all)
    }

    @Test func languageAndThemeToggle() {
        let c = Fixture.controller()
        press(c, .char("L"))
        #expect(c.state.lang == .vi)
        press(c, .char("t"))
        #expect(c.theme.name == "light")
        press(c, .char("t"))
        #expect(c.theme.name == "default")
        press(c, .char("?"))
        #expect(c.state.showHelp)
        press(c, .char("x"))
        #expect(!c.state.showHelp)
        press(c, .char("q"))
        #expect(c.shouldQuit)
    }

    @Test func mouseSelectsAndOpens() {
        let c = Fixture.controller()
        let l = Layout(width: c.width, height: c.height)
        press(c, .mouse(MouseEvent(kind: .click, x: 5, y: l.bodyTop + 3)))
        #expect(c.state.provincePos.selected == 2)
        press(c, .mouse(MouseEvent(kind: .doubleClick, x: 5, y: l.bodyTop + 2)))
        #expect(c.state.level == .wards && c.state.province.map { c.state.map.provinces[$0].name } == "Thành phố Hà Nội")
    }

    @Test func historyAcrossSnapshots() {
        let c = Fixture.controller()
        press(c, .down, .down, .enter)
        press(c, .char("/")); type(c, "ha huy"); press(c, .enter, .enter)
        let h = c.state.history
        #expect(h?.points.map { $0.met } == [18, 21])
    }
}
