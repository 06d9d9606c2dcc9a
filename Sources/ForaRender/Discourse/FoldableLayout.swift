/// `<details>`/`<summary>` and block spoilers: shown collapsed (a marker and a label) unless
/// the render options open them; either way a fold region records where they are.
struct FoldableLayout {
    let renderer: BlockRenderer

    func details(_ node: HTMLNode, width: Int) -> LineBlock {
        let open = renderer.state.options.expandDetails
        var header = InlineBuffer()
        header.appendLiteral(open ? "▼" : "▶", role: .muted)
        header.appendSpace()
        if let summary = node.children.first(where: { $0.isElement && $0.name == "summary" }) {
            renderer.inline.children(of: summary, into: &header, role: .strong)
        } else {
            header.appendLiteral("Details", role: .strong)
        }
        var block = LineBlock(lines: LineWrapper.wrap(header.items, width: width))
        let headerLine = max(0, block.lines.count - 1)
        let start = block.lines.count
        if open {
            let indent = [StyledRun("  ")]
            block.append(
                renderer.children(of: node, width: renderer.state.inner(width, minus: 2)), first: indent, rest: indent)
        }
        block.folds.append(
            FoldRegion(kind: .details, header: headerLine, body: start..<block.lines.count, isCollapsed: !open))
        return block
    }

    func spoiler(_ node: HTMLNode, width: Int) -> LineBlock {
        guard renderer.state.options.revealSpoilers else {
            var block = LineBlock(lines: [StyledLine([StyledRun("[spoiler hidden]", role: .spoiler)])])
            block.folds.append(FoldRegion(kind: .spoiler, header: 0, body: 1..<1, isCollapsed: true))
            return block
        }
        var block = LineBlock(lines: [StyledLine([StyledRun("[spoiler]", role: .spoiler)])])
        block.append(renderer.children(of: node, width: width))
        block.folds.append(FoldRegion(kind: .spoiler, header: 0, body: 1..<block.lines.count, isCollapsed: false))
        return block
    }
}
