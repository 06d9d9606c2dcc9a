/// Code blocks: white space kept, lines never re-wrapped; a line wider than the pane is
/// clipped with a marker (the reader can open the post in a pager or browser for the rest).
enum CodeBlockLayout {
    static let indent = "  "
    /// Tab stops every 4 columns: the width most code in forum posts is written for.
    static let tabWidth = 4

    static func layout(_ node: HTMLNode, width: Int) -> LineBlock {
        let code = node.firstElementChild.flatMap { $0.name == "code" ? $0 : nil }
        var block = LineBlock()
        if let language = language(of: code ?? node) ?? language(of: node) {
            block.append(line: StyledLine([StyledRun(language, role: .muted)]))
        }
        block.append(lines(node.textContent, role: .code, width: width))
        return block
    }

    /// `div.math`: the TeX source between `$$` lines, kept as written.
    static func math(_ node: HTMLNode, width: Int) -> LineBlock {
        var block = LineBlock(lines: [StyledLine([StyledRun("$$", role: .math)])])
        block.append(lines(node.textContent, role: .math, width: width))
        block.append(line: StyledLine([StyledRun("$$", role: .math)]))
        return block
    }

    /// The language label from `class="lang-xxx"` (Discourse) or `class="language-xxx"` /
    /// `<pre lang="xxx">` (cmark-gfm), unless it only says "guess" or "none".
    static func language(of node: HTMLNode) -> String? {
        var candidates: [Substring] = []
        if let lang = node.attribute("lang") { candidates.append(Substring(lang)) }
        for name in (node.attribute("class") ?? "").split(separator: " ") {
            if name.hasPrefix("lang-") { candidates.append(name.dropFirst(5)) }
            if name.hasPrefix("language-") { candidates.append(name.dropFirst(9)) }
        }
        for language in candidates where !["auto", "nohighlight", "plaintext", "text", ""].contains(language) {
            return TerminalSafety.sanitize(String(language))
        }
        return nil
    }

    static func lines(_ source: String, role: TextRole, width: Int) -> LineBlock {
        var text = TerminalSafety.sanitizeMultiline(expandTabs(source))
        if text.hasPrefix("\n") { text.removeFirst() }
        while text.hasSuffix("\n") { text.removeLast() }
        var block = LineBlock()
        let room = max(1, width - indent.count)
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard !raw.isEmpty else {
                block.append(line: StyledLine())
                continue
            }
            let line = StyledLine([StyledRun(String(raw), role: role)])
            let clipped = LineMeasure.clip(line, to: room)
            block.append(line: StyledLine([StyledRun(indent)] + clipped.runs))
        }
        return block
    }

    private static func expandTabs(_ text: String) -> String {
        guard text.utf8.contains(0x09) else { return text }
        var out = ""
        var column = 0
        for character in text {
            switch character {
            case "\t":
                let spaces = tabWidth - column % tabWidth
                out += String(repeating: " ", count: spaces)
                column += spaces
            case "\n":
                out.append(character)
                column = 0
            default:
                out.append(character)
                column += LineWrapper.columns(of: character)
            }
        }
        return out
    }
}
