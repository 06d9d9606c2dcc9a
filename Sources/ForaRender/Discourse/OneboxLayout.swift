import CLibXML2

/// Oneboxes (`aside.onebox`, Discourse's link previews): the title with the link number, then
/// the site and the whole description (every other word the preview shows), wrapped, muted.
struct OneboxLayout {
    let renderer: BlockRenderer

    static let bar = StyledRun("▍ ", role: .muted)

    func layout(_ aside: HTMLNode, width: Int) -> LineBlock {
        let firstLink = aside.firstDescendant { $0.name == "a" && ($0.attribute("href") ?? "").isEmpty == false }
        let url = TerminalSafety.sanitize(aside.attribute("data-onebox-src") ?? firstLink?.attribute("href") ?? "")
        let heading = aside.firstDescendant { ["h3", "h4", "h2", "h1"].contains($0.name) }
        let title = clean(heading?.textContent ?? "")
        let site = clean(aside.firstDescendant { $0.name == "header" }?.textContent ?? "")
        var rest = ""
        Self.collectText(
            aside, skipping: [heading?.raw, aside.firstDescendant { $0.name == "header" }?.raw], into: &rest)
        let description = clean(rest)

        var titleLine = InlineBuffer()
        if url.isEmpty {
            titleLine.appendLiteral(title.isEmpty ? "[preview]" : title, role: .strong)
        } else {
            let number = renderer.state.number(for: url)
            let label = title.isEmpty ? renderer.state.links[number - 1] : title
            titleLine.appendLiteral(label, role: .link, link: number)
            titleLine.appendLiteral("[\(number)]", role: .muted)
        }
        let room = renderer.state.inner(width, minus: 2)
        var block = LineBlock()
        block.append(
            LineBlock(lines: LineWrapper.wrap(titleLine.items, width: room)), first: [Self.bar], rest: [Self.bar])
        var detail = site.isEmpty ? Self.domain(of: url) : site
        if !description.isEmpty { detail += detail.isEmpty ? description : " — " + description }
        if !detail.isEmpty {
            var words = InlineBuffer()
            words.append(detail, role: .muted)
            block.append(
                LineBlock(lines: LineWrapper.wrap(words.items, width: room)), first: [Self.bar], rest: [Self.bar])
        }
        return block
    }

    /// The text under `node` with spaces between elements, leaving out the `skipping` nodes
    /// (the title and the site line, shown on their own) and what the web never shows.
    private static func collectText(
        _ node: HTMLNode, skipping: [UnsafeMutablePointer<xmlNode>?], into out: inout String
    ) {
        for child in node.children {
            if child.isText {
                out += child.text
            } else if child.isElement, !skipping.contains(child.raw),
                !["script", "style", "template", "button", "svg"].contains(child.name)
            {
                out += " "
                collectText(child, skipping: skipping, into: &out)
                out += " "
            }
        }
    }

    /// The host part of a URL ("https://meta.discourse.org/t/x" → "meta.discourse.org").
    static func domain(of url: String) -> String {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") {
            rest = rest[scheme.upperBound...]
        } else if rest.hasPrefix("//") {
            rest = rest.dropFirst(2)
        }
        return String(rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" })
    }

    private func clean(_ text: String) -> String {
        var buffer = InlineBuffer()
        buffer.append(text, role: .text)
        return buffer.items.compactMap { item -> String? in
            if case .run(let run) = item { return run.text }
            return nil
        }.joined()
    }
}
