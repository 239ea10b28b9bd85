import Testing
@testable import KieuMauTUI

@Suite struct CanvasTests {
    @Test func fillAndText() {
        var c = Canvas(width: 4, height: 2)
        c.set(1, 0, Cell("x"))
        #expect(c.text == " x\n")
    }
}
