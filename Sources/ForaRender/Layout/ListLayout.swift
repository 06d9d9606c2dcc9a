extension BlockRenderer {
    /// Bullets by nesting depth, so a nested list is told apart even without indentation.
    static let bullets = ["• ", "◦ ", "▪ "]

    /// `<ul>`/`<ol>`: each item's lines hang after its marker; numbered markers are right-
    /// aligned so the item texts line up ("9." and "10.").
    func list(_ node: HTMLNode, width: Int) -> LineBlock {
        let items = node.children.filter { $0.isElement && $0.name == "li" }
        let ordered = node.name == "ol"
        if ordered && node.hasClass("footnotes-list") { return footnotes(items, width: width) }
        let bullet = Self.bullets[state.listDepth % Self.bullets.count]
        let numbers = ordered ? Self.numbers(of: node, items: items) : []
        let markerWidth = (numbers.map { String($0).count }.max() ?? 0) + 2
        state.listDepth += 1
        defer { state.listDepth -= 1 }
        var block = LineBlock()
        for (offset, item) in items.enumerated() {
            guard ordered else {
                block.append(listItem(item, marker: bullet, width: width))
                continue
            }
            let number = "\(numbers[offset])."
            let marker = String(repeating: " ", count: markerWidth - 1 - number.count) + number + " "
            block.append(listItem(item, marker: marker, width: width, markerWidth: markerWidth))
        }
        return block
    }

    /// The number of each item of an `<ol>`: from `start` (default 1, or the item count when
    /// `reversed`), counting down when `reversed`, restarting at an item's own `value`. Every
    /// number the poster wrote is clamped (`DocumentInteger`), so counting on from it in `Int`
    /// cannot overflow however many items follow.
    static func numbers(of list: HTMLNode, items: [HTMLNode]) -> [Int] {
        let reversed = list.hasAttribute("reversed")
        var next = DocumentInteger.parse(list.attribute("start")) ?? (reversed ? items.count : 1)
        return items.map { item in
            let number = DocumentInteger.parse(item.attribute("value")) ?? next
            next = reversed ? number - 1 : number + 1
            return number
        }
    }

    func listItem(_ item: HTMLNode, marker: String, width: Int, markerWidth: Int = 2) -> LineBlock {
        var body = children(of: item, width: state.inner(width, minus: markerWidth), tight: true)
        if body.isEmpty { body.append(line: StyledLine()) }
        var block = LineBlock()
        block.append(
            body, first: [StyledRun(marker, role: .muted)],
            rest: [StyledRun(String(repeating: " ", count: markerWidth))])
        return block
    }

    /// Discourse footnotes (`ol.footnotes-list`): `[^1] text`, the back-links dropped.
    private func footnotes(_ items: [HTMLNode], width: Int) -> LineBlock {
        var block = LineBlock()
        for (offset, item) in items.enumerated() {
            let marker = "[^\(offset + 1)] "
            block.append(listItem(item, marker: marker, width: width, markerWidth: marker.count))
        }
        return block
    }
}
