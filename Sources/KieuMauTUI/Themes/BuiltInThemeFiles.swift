// Generated from Themes/*.toml by Tests/KieuMauTUITests/ThemeFilesTests.swift. Do not edit:
// edit the theme file, then run `KIEUMAU_REGENERATE_THEMES=1 swift test --filter ThemeFilesTests`.
// A test fails while this file and Themes/ differ.

/// The text of each file in Themes/, compiled in so the installed program needs no files.
enum BuiltInThemeFiles {
    static let files: [(name: String, text: String)] = [
        ("default", #"""
# KieuMau theme: default
#
# For dark terminals. Text roles keep the terminal's own background ("default"), so the screen
# sits on whatever background you chose; the bars, the header and the selection use colours
# taken from the xterm 256-colour cube, so inside tmux or on a 256-colour terminal they look the
# same as in true colour.
#
# Format (docs/THEMES.md has the whole story):
#   role = { fg = "#RRGGBB", bg = "#RRGGBB", bold = true, dim = true, underline = true, reverse = true }
# fg and bg take "#RRGGBB" or "default" (the terminal's own colour); leave out what you do not need.
# In your own theme, a role you leave out or write wrongly keeps this (built-in) theme's style;
# unknown keys are reported as warnings.

name = "default"

# Plain text and the frame.
normal        = { fg = "default", bg = "default" }
border        = { fg = "#767676" }
muted         = { fg = "#949494" }
emphasis      = { bold = true }

# The top line: programme name, snapshot date, and the "DEMO — synthetic data" badge.
header        = { fg = "#ffffff", bg = "#005f87", bold = true }
header_badge  = { fg = "#000000", bg = "#ffaf00", bold = true }

# Pane titles and column headings.
title         = { fg = "#5fafd7", bold = true }

# The row under the cursor: in the focused pane, and in the other pane.
selection     = { fg = "#000000", bg = "#87afd7", bold = true }
selection_dim = { fg = "#ffffff", bg = "#4e4e4e" }

# Progress bars, one colour per criterion state; the glyphs differ too (█ ▌ ░, ✔ ✘ ?).
bar_met       = { fg = "#00af87" }
bar_not_met   = { fg = "#ff5f5f" }
bar_unknown   = { fg = "#af87ff" }
bar_empty     = { fg = "#6c6c6c" }

# The 2025 band: below the 30% floor, between 30% and 50%, above the 50% stretch target.
band_below    = { fg = "#ff5f5f", bold = true }
band_within   = { fg = "#ffd75f" }
band_above    = { fg = "#00af87" }

# The 30% / 50% / 100% markers drawn on the bars.
target_marker = { fg = "#ffffff", bold = true }

# Disagreements between sources, and errors.
warning       = { fg = "#ffaf00", bold = true }
error         = { fg = "#ff5f5f", bold = true, underline = true }

# The bottom line with the breadcrumb and the keys that matter here.
status_line   = { fg = "#e4e4e4", bg = "#303030" }
status_key    = { fg = "#ffd75f", bg = "#303030", bold = true }

# The / filter prompt, the trend sparkline, and the help overlay.
filter        = { fg = "#000000", bg = "#ffd75f" }
sparkline     = { fg = "#5fafd7" }
overlay       = { fg = "#e4e4e4", bg = "#262626" }

# Attributes used instead of the colours above when colour is off (NO_COLOR, a monochrome
# terminal, or the monochrome theme). Meaning never rests on colour alone; these only make the
# screen easier to scan. A role left out here is drawn plain.
[monochrome]
header        = { bold = true, reverse = true }
header_badge  = { bold = true, reverse = true }
title         = { bold = true }
selection     = { reverse = true }
selection_dim = { underline = true }
muted         = { dim = true }
emphasis      = { bold = true }
bar_unknown   = { dim = true }
bar_empty     = { dim = true }
band_below    = { bold = true }
target_marker = { bold = true }
warning       = { bold = true }
error         = { bold = true, underline = true }
status_line   = { reverse = true }
status_key    = { bold = true, reverse = true }
filter        = { underline = true }

"""#),
        ("high-contrast", #"""
# KieuMau theme: high-contrast
#
# Black background everywhere (set here, not taken from the terminal), white text, and a few
# saturated colours; every text colour has a contrast of at least 7:1; selections are
# black on yellow. Works the same on light and dark terminals.
#
# role = { fg = "#RRGGBB" or "default", bg = ..., bold, dim, underline, reverse = true/false }
# A role left out, or written wrongly, keeps the default theme's style. See docs/THEMES.md.

name = "high-contrast"

# Plain text and the frame.
normal        = { fg = "#ffffff", bg = "#000000" }
border        = { fg = "#ffffff", bg = "#000000" }
muted         = { fg = "#d0d0d0", bg = "#000000" }
emphasis      = { fg = "#ffffff", bg = "#000000", bold = true }

# The top line and the "DEMO — synthetic data" badge.
header        = { fg = "#000000", bg = "#ffffff", bold = true }
header_badge  = { fg = "#000000", bg = "#ffff00", bold = true }

# Pane titles and column headings.
title         = { fg = "#00ffff", bg = "#000000", bold = true, underline = true }

# The row under the cursor: focused pane, other pane.
selection     = { fg = "#000000", bg = "#ffff00", bold = true }
selection_dim = { fg = "#000000", bg = "#d0d0d0" }

# Progress bars: met, not met, unknown, empty.
bar_met       = { fg = "#00ff87", bg = "#000000" }
bar_not_met   = { fg = "#ff8787", bg = "#000000" }
bar_unknown   = { fg = "#87d7ff", bg = "#000000" }
bar_empty     = { fg = "#808080", bg = "#000000" }

# The 2025 band: below 30%, within 30–50%, above 50%.
band_below    = { fg = "#ff8787", bg = "#000000", bold = true }
band_within   = { fg = "#ffff00", bg = "#000000", bold = true }
band_above    = { fg = "#00ff87", bg = "#000000", bold = true }

# The 30% / 50% / 100% markers on the bars.
target_marker = { fg = "#ffffff", bg = "#000000", bold = true }

# Disagreements and errors.
warning       = { fg = "#ffff00", bg = "#000000", bold = true }
error         = { fg = "#ff8787", bg = "#000000", bold = true, underline = true }

# The bottom line.
status_line   = { fg = "#000000", bg = "#ffffff" }
status_key    = { fg = "#000000", bg = "#ffff00", bold = true }

# Filter prompt, sparkline, help overlay.
filter        = { fg = "#000000", bg = "#00ffff" }
sparkline     = { fg = "#00ffff", bg = "#000000" }
overlay       = { fg = "#ffffff", bg = "#000000" }

"""#),
        ("light", #"""
# KieuMau theme: light
#
# For light terminals (white, cream, solarized-light). Text roles keep the terminal's own
# background; every colour is dark enough to read on white and taken from the xterm 256-colour
# cube, so inside tmux or on a 256-colour terminal it looks the same as in true colour.
#
# role = { fg = "#RRGGBB" or "default", bg = ..., bold, dim, underline, reverse = true/false }
# A role left out, or written wrongly, keeps the default theme's style. See docs/THEMES.md.

name = "light"

# Plain text and the frame.
normal        = { fg = "default", bg = "default" }
border        = { fg = "#8a8a8a" }
muted         = { fg = "#5f5f5f" }
emphasis      = { bold = true }

# The top line and the "DEMO — synthetic data" badge.
header        = { fg = "#ffffff", bg = "#005f87", bold = true }
header_badge  = { fg = "#000000", bg = "#ffaf00", bold = true }

# Pane titles and column headings.
title         = { fg = "#005f87", bold = true }

# The row under the cursor: focused pane, other pane.
selection     = { fg = "#000000", bg = "#afd7ff", bold = true }
selection_dim = { fg = "#000000", bg = "#d0d0d0" }

# Progress bars: met, not met, unknown, empty.
bar_met       = { fg = "#00875f" }
bar_not_met   = { fg = "#d70000" }
bar_unknown   = { fg = "#8700d7" }
bar_empty     = { fg = "#8a8a8a" }

# The 2025 band: below 30%, within 30–50%, above 50%.
band_below    = { fg = "#d70000", bold = true }
band_within   = { fg = "#875f00" }
band_above    = { fg = "#005f5f", bold = true }

# The 30% / 50% / 100% markers on the bars.
target_marker = { fg = "#000000", bold = true }

# Disagreements and errors.
warning       = { fg = "#875f00", bold = true }
error         = { fg = "#d70000", bold = true, underline = true }

# The bottom line.
status_line   = { fg = "#000000", bg = "#d0d0d0" }
status_key    = { fg = "#005f87", bg = "#d0d0d0", bold = true }

# Filter prompt, sparkline, help overlay.
filter        = { fg = "#000000", bg = "#ffd787" }
sparkline     = { fg = "#005f87" }
overlay       = { fg = "#000000", bg = "#eeeeee" }

"""#),
        ("monochrome", #"""
# KieuMau theme: monochrome
#
# No colours at all, only the terminal's own foreground and background with bold, dim,
# underline and reverse: for people who prefer it, and a preview of how the screen reads with
# NO_COLOR. Status is never shown by colour alone (bars and bands also differ by glyph:
# █ ░, ✔ ✘ ?, ▲ ◆ ▼), so nothing is lost.
#
# role = { bold = true, dim = true, underline = true, reverse = true }   (leave out what is off)
# A role left out, or written wrongly, keeps the default theme's style. See docs/THEMES.md.

name = "monochrome"

normal        = {}
border        = {}
muted         = { dim = true }
emphasis      = { bold = true }

header        = { bold = true, reverse = true }
header_badge  = { bold = true, reverse = true }
title         = { bold = true }

selection     = { reverse = true }
selection_dim = { underline = true }

bar_met       = { bold = true }
bar_not_met   = {}
bar_unknown   = { dim = true }
bar_empty     = { dim = true }

band_below    = { bold = true }
band_within   = {}
band_above    = {}

target_marker = { bold = true }

warning       = { bold = true }
error         = { bold = true, underline = true }

status_line   = { reverse = true }
status_key    = { bold = true, reverse = true }

filter        = { underline = true }
sparkline     = {}
overlay       = {}

"""#),
    ]
}
