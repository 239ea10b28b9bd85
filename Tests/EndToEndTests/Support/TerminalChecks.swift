import Foundation
import Testing

/// Checks that a program left the terminal as it found it.
enum TerminalChecks {
    /// The tty flags a restored terminal has (curses mode clears icanon and echo).
    static func expectCookedTTY(_ flags: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        for flag in ["icanon", "echo", "isig", "icrnl", "opost"] {
            #expect(flags.contains(flag), "tty flag \(flag) not restored: \(flags)", sourceLocation: sourceLocation)
        }
    }

    /// Alternate screen off, cursor shown, mouse reporting off.
    static func expectScreenModesRestored(_ tmux: TmuxSession, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try tmux.pane("#{alternate_on}") == "0", "still on the alternate screen", sourceLocation: sourceLocation)
        #expect(try tmux.pane("#{cursor_flag}") == "1", "cursor still hidden", sourceLocation: sourceLocation)
        #expect(try tmux.pane("#{mouse_any_flag}") == "0", "mouse reporting still on", sourceLocation: sourceLocation)
    }

    /// Any SGR that sets a colour: 30–37/40–47, 90–97/100–107, or the 38;…/48;… forms
    /// (39 and 49, "default colour", are not colours).
    static var colourSGR: Regex<Substring> { #/\x1B\[(?:[0-9;]*;)?(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])[;m]/# }

    /// Any SGR that sets an attribute: bold, dim, underline, reverse.
    static var attributeSGR: Regex<Substring> { #/\x1B\[(?:[0-9;]*;)?[1247][;m]/# }
}
