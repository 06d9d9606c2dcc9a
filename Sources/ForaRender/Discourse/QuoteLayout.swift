/// Discourse quotes (`aside.quote`): "alice said in post #2:" above the quoted text with a
/// bar, recorded as a fold region so the reader can collapse it.
struct QuoteLayout {
    let renderer: BlockRenderer

    func layout(_ aside: HTMLNode, width: Int) -> LineBlock {
        let username = aside.attribute("data-username").map(TerminalSafety.sanitize) ?? ""
        let source = QuoteSource(
            username: username, post: aside.attribute("data-post").flatMap { Int($0) },
            topic: aside.attribute("data-topic").flatMap { Int($0) })
        let title = aside.children.first { $0.isElement && $0.hasClass("title") }
        // A quote from another topic names it with a link in the title.
        let topicLink = title?.firstDescendant { $0.name == "a" }

        var header = InlineBuffer()
        if username.isEmpty {
            header.appendLiteral("Quote", role: .quote)
        } else {
            header.appendLiteral(username, role: .mention)
            header.appendLiteral(" said", role: .quote)
        }
        if let topicLink {
            header.appendLiteral(" in", role: .quote)
            header.appendSpace()
            renderer.inline.collect(topicLink, into: &header)
        } else if let post = source.post {
            header.appendLiteral(" in post #\(post)", role: .quote)
        }
        header.appendLiteral(":", role: .quote)

        var block = LineBlock(lines: LineWrapper.wrap(header.items, width: width))
        let headerLine = max(0, block.lines.count - 1)
        var body = LineBlock()
        for child in aside.children where child.isElement && !child.hasClass("title") {
            let part =
                child.name == "blockquote"
                ? renderer.blockquote(child, width: width)
                : renderer.quoted(renderer.block(child, width: renderer.state.inner(width, minus: 2)))
            body.append(part)
        }
        let start = block.lines.count
        block.append(body)
        block.folds.append(
            FoldRegion(
                kind: .quote, header: headerLine, body: start..<block.lines.count, isCollapsed: false, quote: source))
        return block
    }
}
