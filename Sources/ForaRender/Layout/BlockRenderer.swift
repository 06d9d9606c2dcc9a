/// Lays out block-level HTML (paragraphs, headings, lists, quotes, code, tables and the
/// Discourse blocks) into lines of a given width. A container's inline children are gathered
/// into paragraphs between its block children, so mixed content (text then a nested list in
/// one `<li>`) lays out as a browser would.
struct BlockRenderer {
    let state: RenderState

    var inline: InlineCollector { InlineCollector(state: state) }

    /// Elements that start a block of their own.
    static let blockNames: Set<String> = [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "table",
        "thead", "tbody", "tfoot", "tr", "hr", "aside", "details", "summary", "figure", "figcaption",
        "section", "article", "header", "footer", "nav", "main", "dl", "dt", "dd", "center", "form",
        "fieldset", "address", "html", "body", "menu", "dir", "head",
    ]

    static func isBlock(_ node: HTMLNode) -> Bool { node.isElement && blockNames.contains(node.name) }

    /// Lays out the children of `node`: inline runs become wrapped paragraphs, block
    /// children are laid out in turn, with blank lines between unless `tight`.
    func children(of node: HTMLNode, width: Int, tight: Bool = false) -> LineBlock {
        var stack = BlockStack(tight: tight)
        var buffer = InlineBuffer()
        for child in node.children {
            if Self.isBlock(child) {
                if !buffer.isEmpty {
                    stack.add(paragraph(buffer, width: width))
                    buffer = InlineBuffer()
                }
                stack.add(block(child, width: width))
            } else {
                inline.collect(child, into: &buffer)
            }
        }
        if !buffer.isEmpty { stack.add(paragraph(buffer, width: width)) }
        return stack.block
    }

    func paragraph(_ buffer: InlineBuffer, width: Int) -> LineBlock {
        LineBlock(lines: LineWrapper.wrap(buffer.items, width: width))
    }

    /// Deeper nesting than this is laid out as plain text: real posts never come close, and
    /// it bounds the recursion (and stack use) whatever a hostile post nests.
    static let maxDepth = 48

    /// Lays out one block element.
    func block(_ node: HTMLNode, width: Int) -> LineBlock {
        state.blockDepth += 1
        defer { state.blockDepth -= 1 }
        if state.blockDepth > Self.maxDepth {
            var buffer = InlineBuffer()
            buffer.append(node.textContent, role: .text)
            return paragraph(buffer, width: width)
        }
        switch node.name {
        case "h1", "h2", "h3", "h4", "h5", "h6": return heading(node, width: width)
        case "ul", "ol": return list(node, width: width)
        case "li": return listItem(node, marker: "• ", width: width)
        case "pre": return CodeBlockLayout.layout(node, width: width)
        case "blockquote": return blockquote(node, width: width)
        case "table": return TableLayout(renderer: self).layout(node, width: width)
        case "hr": return LineBlock(lines: [StyledLine([StyledRun(rule(width), role: .muted)])])
        case "details": return FoldableLayout(renderer: self).details(node, width: width)
        case "head", "summary": return LineBlock()
        case "aside" where node.hasClass("quote"): return QuoteLayout(renderer: self).layout(node, width: width)
        case "aside" where node.hasClass("onebox"): return OneboxLayout(renderer: self).layout(node, width: width)
        case "div" where node.hasClass("poll"): return PollLayout(renderer: self).layout(node, width: width)
        case "div" where node.hasClass("spoiler") || node.hasClass("spoiled"):
            return FoldableLayout(renderer: self).spoiler(node, width: width)
        case "div" where node.hasClass("math"): return CodeBlockLayout.math(node, width: width)
        case "div" where node.hasClass("poll-info") || node.hasClass("onebox-metadata"): return LineBlock()
        default: return children(of: node, width: width)
        }
    }

    func rule(_ width: Int) -> String { String(repeating: "─", count: max(1, width)) }

    private func heading(_ node: HTMLNode, width: Int) -> LineBlock {
        var buffer = InlineBuffer()
        inline.children(of: node, into: &buffer, role: .heading)
        var block = LineBlock(lines: LineWrapper.wrap(buffer.items, width: width))
        guard node.name == "h1" || node.name == "h2", !block.isEmpty else { return block }
        let textWidth = block.lines.map { LineMeasure.width(of: $0) }.max() ?? 0
        let underline = String(repeating: node.name == "h1" ? "═" : "─", count: max(1, min(width, textWidth)))
        block.append(line: StyledLine([StyledRun(underline, role: .heading)]))
        return block
    }

    /// `<blockquote>`: a bar before every line; plain text inside takes the quote role.
    func blockquote(_ node: HTMLNode, width: Int) -> LineBlock {
        quoted(children(of: node, width: state.inner(width, minus: 2)))
    }

    func quoted(_ body: LineBlock) -> LineBlock {
        var recoloured = body
        for index in recoloured.lines.indices {
            for run in recoloured.lines[index].runs.indices where recoloured.lines[index].runs[run].role == .text {
                recoloured.lines[index].runs[run].role = .quote
            }
        }
        var block = LineBlock()
        let bar = [StyledRun("│ ", role: .quote)]
        block.append(recoloured, first: bar, rest: bar)
        return block
    }
}
