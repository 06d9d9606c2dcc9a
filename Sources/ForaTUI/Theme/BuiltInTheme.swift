/// The default theme compiled in, so fora draws well with no theme files installed, and the
/// fallback for keys a theme file leaves out. A test keeps it equal to `Themes/default.toml`.
extension Theme {
    public static let fallback: Theme =
        (try? Theme.parse(builtInDefaultText, name: "default")) ?? Theme(name: "default")

    static let builtInDefaultText = #"""
        # fora theme: default (for dark terminals)
        #
        # A theme maps the interface's elements ([ui]) and the renderer's semantic roles ([roles]) to a
        # style. A style is a table with any of:
        #   fg, bg   a colour: "default" (the terminal's own), one of the 16 names ("black", "red",
        #            "green", "yellow", "blue", "magenta", "cyan", "white", and "bright-" + each), a
        #            256-colour index as a number (0–255), or "#rrggbb" (truecolor terminals; elsewhere
        #            the nearest 256-colour index is used)
        #   attrs    a list of "bold", "dim", "italic", "underline", "reverse"
        # Colours degrade with the terminal: 256 → 16 → 8 → none. NO_COLOR keeps only attrs.

        [meta]
        name = "default"
        description = "Calm colours on a dark background"
        # What the contrast check takes the terminal's own colours to be: a typical dark background.
        terminal_bg = "#1e1e1e"
        terminal_fg = "#d0d0d0"

        [ui]
        title_bar = { fg = "bright-white", bg = 24, attrs = ["bold"] }
        status_bar = { fg = "white", bg = 236 }
        status_error = { fg = "bright-white", bg = 124, attrs = ["bold"] }
        key_hint = { fg = 250, bg = 236 }
        selection = { fg = "black", bg = 110 }
        selection_inactive = { fg = "white", bg = 238 }
        unread_marker = { fg = "bright-yellow", attrs = ["bold"] }
        new_marker = { fg = "bright-green", attrs = ["bold"] }
        solved_mark = { fg = "green", attrs = ["bold"] }
        pinned_mark = { fg = "yellow" }
        metadata = { fg = 245 }
        notice = { fg = "bright-white", attrs = ["bold"] }
        author = { fg = 117, attrs = ["bold"] }
        staff_badge = { fg = "black", bg = 179, attrs = ["bold"] }
        border = { fg = 243 }
        command_line = { fg = "bright-white" }
        search_match = { fg = "bright-yellow", attrs = ["bold", "underline"] }

        [roles]
        text = {}
        strong = { attrs = ["bold"] }
        emphasis = { attrs = ["italic"] }
        strikethrough = { fg = 246 }
        code = { fg = 180 }
        math = { fg = 180 }
        code_block = { fg = 180, bg = 235 }
        keyboard = { fg = "bright-white", bg = 238 }
        link = { fg = 75, attrs = ["underline"] }
        quote = { fg = 250 }
        quote_header = { fg = 109, attrs = ["italic"] }
        mention = { fg = 214, attrs = ["bold"] }
        hashtag = { fg = 141 }
        heading = { fg = "bright-white", attrs = ["bold"] }
        muted = { fg = 246 }
        solution = { fg = "bright-green", attrs = ["bold"] }
        spoiler = { fg = 238, bg = 238 }
        image = { fg = 116 }
        """#
}
