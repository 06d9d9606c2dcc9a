/// Polls (`div.poll`): a header and one line per option. Cooked HTML does not carry the
/// counts; they come from the post's `polls` JSON through `RenderOptions.pollVotes`.
struct PollLayout {
    let renderer: BlockRenderer

    func layout(_ poll: HTMLNode, width: Int) -> LineBlock {
        let name = poll.attribute("data-poll-name") ?? "poll"
        let votes = renderer.state.options.pollVotes[name]
        var header = InlineBuffer()
        header.appendLiteral("Poll", role: .strong)
        if let title = poll.firstDescendant(where: { $0.hasClass("poll-title") }) {
            header.appendLiteral(":", role: .strong)
            header.appendSpace()
            renderer.inline.children(of: title, into: &header, role: .strong)
        }
        if poll.attribute("data-poll-status") == "closed" { header.appendLiteral(" (closed)", role: .muted) }
        var block = LineBlock(lines: LineWrapper.wrap(header.items, width: width))

        var options: [HTMLNode] = []
        collectOptions(poll, into: &options)
        // Counts come from the site's JSON: a negative one counts as none, and the total
        // saturates instead of overflowing.
        let total = votes.map { $0.values.reduce(0) { DocumentInteger.saturatingAdd($0, max(0, $1)) } } ?? 0
        for option in options {
            var buffer = InlineBuffer()
            renderer.inline.children(of: option, into: &buffer)
            if let id = option.attribute("data-poll-option-id"), let votes, let reported = votes[id] {
                let count = max(0, reported)
                let percent = total > 0 ? " (\(Self.percent(count, of: total))%)" : ""
                buffer.appendLiteral(" — \(count) vote\(count == 1 ? "" : "s")\(percent)", role: .muted)
            }
            let lines = LineBlock(lines: LineWrapper.wrap(buffer.items, width: renderer.state.inner(width, minus: 2)))
            block.append(lines, first: [StyledRun("○ ", role: .muted)], rest: [StyledRun("  ")])
        }
        return block
    }

    /// `count` as a whole percentage of `total`, 0…100; counts too large to multiply by 100
    /// are divided first instead of overflowing.
    static func percent(_ count: Int, of total: Int) -> Int {
        guard total > 0 else { return 0 }
        let part = min(max(0, count), total)
        let (scaled, overflow) = part.multipliedReportingOverflow(by: 100)
        return overflow ? part / (total / 100) : scaled / total
    }

    private func collectOptions(_ node: HTMLNode, into options: inout [HTMLNode]) {
        for child in node.children where child.isElement {
            if child.name == "li" && child.hasAttribute("data-poll-option-id") {
                options.append(child)
            } else {
                collectOptions(child, into: &options)
            }
        }
    }
}
