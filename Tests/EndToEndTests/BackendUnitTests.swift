import CNcurses
import Foundation
import KieuMauTUI
import Testing
@testable import KieuMauTerminal

/// The pure parts of the ncurses backend, checked without a terminal.
@Suite struct KeyDecoderTests {
    @Test func keyCodes() {
        let cases: [(Int32, Key)] = [
            (KEY_UP, .up), (KEY_DOWN, .down), (KEY_LEFT, .left), (KEY_RIGHT, .right),
            (KEY_PPAGE, .pageUp), (KEY_NPAGE, .pageDown), (KEY_HOME, .home), (KEY_END, .end),
            (KEY_ENTER, .enter), (KEY_BACKSPACE, .backspace), (KEY_DC, .delete),
            (KEY_BTAB, .backTab), (KEY_RESIZE, .resize),
            (KEY_F0 + 1, .function(1)), (KEY_F0 + 12, .function(12)),
        ]
        for (code, key) in cases {
            #expect(KeyDecoder.decode(code: code, isKeyCode: true) == .key(key), "code \(code)")
        }
        #expect(KeyDecoder.decode(code: KEY_MOUSE, isKeyCode: true) == .mouse)
        #expect(KeyDecoder.decode(code: KEY_F0, isKeyCode: true) == .ignored)
        #expect(KeyDecoder.decode(code: KEY_SUSPEND, isKeyCode: true) == .ignored)
    }

    @Test func controlCharacters() {
        #expect(KeyDecoder.decode(code: 27, isKeyCode: false) == .key(.escape))
        #expect(KeyDecoder.decode(code: 127, isKeyCode: false) == .key(.backspace))
        #expect(KeyDecoder.decode(code: 8, isKeyCode: false) == .key(.backspace))
        #expect(KeyDecoder.decode(code: 10, isKeyCode: false) == .key(.enter))
        #expect(KeyDecoder.decode(code: 13, isKeyCode: false) == .key(.enter))
        #expect(KeyDecoder.decode(code: 9, isKeyCode: false) == .key(.tab))
        #expect(KeyDecoder.decode(code: 1, isKeyCode: false) == .key(.ctrl("a")))
        #expect(KeyDecoder.decode(code: 12, isKeyCode: false) == .key(.ctrl("l")))
        #expect(KeyDecoder.decode(code: 26, isKeyCode: false) == .key(.ctrl("z")))
        #expect(KeyDecoder.decode(code: 0, isKeyCode: false) == .ignored)
        #expect(KeyDecoder.decode(code: 28, isKeyCode: false) == .ignored)
        #expect(KeyDecoder.decode(code: 0x85, isKeyCode: false) == .ignored)   // C1 NEL
    }

    @Test func printableText() {
        #expect(KeyDecoder.decode(code: 0x71, isKeyCode: false) == .key(.char("q")))
        #expect(KeyDecoder.decode(code: 0x20, isKeyCode: false) == .key(.char(" ")))
        #expect(KeyDecoder.decode(code: 0x1EA1, isKeyCode: false) == .key(.char("ạ")))
        #expect(KeyDecoder.decode(code: 0x6F22, isKeyCode: false) == .key(.char("漢")))
        #expect(KeyDecoder.decode(code: 0xD800, isKeyCode: false) == .ignored)   // lone surrogate
    }

    @Test func mouse() {
        #expect(KeyDecoder.decodeMouse(buttons: kieumau_button1_clicked(), x: 3, y: 4)
                == .mouse(MouseEvent(kind: .click, x: 3, y: 4)))
        #expect(KeyDecoder.decodeMouse(buttons: kieumau_button1_double_clicked() | kieumau_button1_clicked(), x: 0, y: 0)
                == .mouse(MouseEvent(kind: .doubleClick, x: 0, y: 0)))
        #expect(KeyDecoder.decodeMouse(buttons: kieumau_button4_pressed(), x: 1, y: 2)
                == .mouse(MouseEvent(kind: .wheelUp, x: 1, y: 2)))
        #expect(KeyDecoder.decodeMouse(buttons: kieumau_button5_pressed(), x: 1, y: 2)
                == .mouse(MouseEvent(kind: .wheelDown, x: 1, y: 2)))
        #expect(KeyDecoder.decodeMouse(buttons: 0, x: 1, y: 2) == nil)
    }
}

@Suite struct TerminalRefusalTests {
    @Test func refusesWhatCannotShowAFullScreenView() {
        #expect(TerminalSession.refusal(term: "xterm", inputIsTerminal: true, outputIsTerminal: false)
                == .notATerminal(stream: .output))
        #expect(TerminalSession.refusal(term: "xterm", inputIsTerminal: false, outputIsTerminal: true)
                == .notATerminal(stream: .input))
        #expect(TerminalSession.refusal(term: nil, inputIsTerminal: true, outputIsTerminal: true) == .noTerminalType)
        #expect(TerminalSession.refusal(term: "", inputIsTerminal: true, outputIsTerminal: true) == .noTerminalType)
        #expect(TerminalSession.refusal(term: "dumb", inputIsTerminal: true, outputIsTerminal: true) == .dumbTerminal)
        #expect(TerminalSession.refusal(term: "tmux-256color", inputIsTerminal: true, outputIsTerminal: true) == nil)
    }

    @Test func messagesSayWhatIsWrong() {
        #expect(TerminalError.notATerminal(stream: .output).description.contains("standard output is not a terminal"))
        #expect(TerminalError.unknownTerminal("foo").description.contains("TERM=foo"))
    }
}

/// Glyph uses wcwidth, which needs a UTF-8 character type; LC_CTYPE is set once for these tests.
@Suite struct GlyphTests {
    init() { setlocale(LC_CTYPE, "C.UTF-8") }

    private func text(_ glyph: Glyph) -> String {
        String(String.UnicodeScalarView(glyph.wide.dropLast().compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }))
    }

    @Test func decomposedTextIsComposed() {
        let glyph = Glyph(text: "e\u{0323}\u{0302}")      // ệ in NFD
        #expect(glyph.wide == [0x1EC7, 0])
        #expect(glyph.columns == 1)
    }

    @Test func marksWithoutAPrecomposedFormStayInTheCell() {
        let glyph = Glyph(text: "q\u{0323}\u{0302}")
        #expect(glyph.wide == [0x71, 0x323, 0x302, 0])
        #expect(glyph.columns == 1)
    }

    @Test func wideAndNarrow() {
        #expect(Glyph(text: "漢").columns == 2)
        #expect(Glyph(text: "a").columns == 1)
        #expect(Glyph(text: "─").columns == 1)
    }

    @Test func controlsAndExtraCharactersNeverSpill() {
        #expect(text(Glyph(text: "\u{1B}")) == "?")
        #expect(text(Glyph(text: "ab")) == "a")                   // a second spacing character is dropped
        #expect(Glyph(text: "a" + String(repeating: "\u{0301}", count: 9)).wide.count == Int(kieumau_ccharw_max()) + 1)
        #expect(text(Glyph(text: "\u{0301}")) == " ")             // a lone mark has nothing to sit on
    }
}
