/// Tables: aligned columns when they fit the width; otherwise each row as a small record
/// ("Header: value" lines), which stays readable on a narrow pane.
struct TableLayout {
    let renderer: BlockRenderer

    enum Alignment { case left, center, right }

    struct Cell {
        var runs: [StyledRun]
        var width: Int
        var alignment: Alignment
    }

    struct Row {
        var cells: [Cell]
        var isHeader: Bool
    }

    static let separator = " │ "

    func layout(_ table: HTMLNode, width: Int) -> LineBlock {
        let rows = collectRows(table)
        guard !rows.isEmpty else { return LineBlock() }
        let columnCount = rows.map(\.cells.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columnCount)
        for row in rows {
            for (index, cell) in row.cells.enumerated() { widths[index] = max(widths[index], cell.width) }
        }
        let total = widths.reduce(0, +) + Self.separator.count * max(0, columnCount - 1)
        if total <= width { return grid(rows, widths: widths) }
        return records(rows, width: width)
    }

    private func collectRows(_ node: HTMLNode) -> [Row] {
        var rows: [Row] = []
        for child in node.children where child.isElement {
            switch child.name {
            case "tr": rows.append(row(child, inHead: node.name == "thead"))
            case "thead", "tbody", "tfoot": rows += collectRows(child)
            default: continue
            }
        }
        return rows
    }

    private func row(_ tr: HTMLNode, inHead: Bool) -> Row {
        var cells: [Cell] = []
        var allHeaders = true
        for cell in tr.children where cell.isElement && (cell.name == "td" || cell.name == "th") {
            if cell.name == "td" { allHeaders = false }
            var buffer = InlineBuffer()
            renderer.inline.children(of: cell, into: &buffer, role: cell.name == "th" ? .strong : .text)
            var runs: [StyledRun] = []
            for item in buffer.items {
                if case .run(let run) = item {
                    runs.append(run)
                } else {
                    runs.append(StyledRun(" "))
                }
            }
            let width = runs.reduce(0) { $0 + LineMeasure.width(of: $1.text) }
            cells.append(Cell(runs: runs, width: width, alignment: alignment(of: cell)))
        }
        return Row(cells: cells, isHeader: inHead || (allHeaders && !cells.isEmpty))
    }

    private func alignment(of cell: HTMLNode) -> Alignment {
        let style = (cell.attribute("style") ?? "") + " " + (cell.attribute("align") ?? "")
        if style.contains("right") { return .right }
        if style.contains("center") { return .center }
        return .left
    }

    private func grid(_ rows: [Row], widths: [Int]) -> LineBlock {
        var block = LineBlock()
        for (rowIndex, row) in rows.enumerated() {
            var runs: [StyledRun] = []
            for column in widths.indices {
                if column > 0 { runs.append(StyledRun(Self.separator, role: .muted)) }
                let cell = column < row.cells.count ? row.cells[column] : Cell(runs: [], width: 0, alignment: .left)
                let room = widths[column] - cell.width
                let before = cell.alignment == .right ? room : cell.alignment == .center ? room / 2 : 0
                if before > 0 { runs.append(StyledRun(String(repeating: " ", count: before))) }
                runs += cell.runs
                if room - before > 0 { runs.append(StyledRun(String(repeating: " ", count: room - before))) }
            }
            block.append(line: StyledLine(runs))
            let nextIsBody = rowIndex + 1 < rows.count && !rows[rowIndex + 1].isHeader
            if row.isHeader && nextIsBody {
                let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "─┼─")
                block.append(line: StyledLine([StyledRun(rule, role: .muted)]))
            }
        }
        return block
    }

    /// The narrow fallback: one record per body row, "Header: value", records apart.
    private func records(_ rows: [Row], width: Int) -> LineBlock {
        let header = rows.first(where: \.isHeader)
        var stack = BlockStack(tight: false)
        for row in rows where !row.isHeader {
            var record = LineBlock()
            for (index, cell) in row.cells.enumerated() {
                var buffer = InlineBuffer()
                let name = header.flatMap { index < $0.cells.count ? $0.cells[index].runs : nil }
                let label = name.map { $0.map(\.text).joined() } ?? "Column \(index + 1)"
                buffer.appendLiteral(label.isEmpty ? "Column \(index + 1):" : label + ":", role: .strong)
                buffer.appendSpace()
                for run in cell.runs { buffer.appendLiteral(run.text, role: run.role, link: run.link) }
                record.append(
                    LineBlock(lines: LineWrapper.wrap(buffer.items, width: renderer.state.inner(width, minus: 2))),
                    rest: [StyledRun("  ")])
            }
            stack.add(record)
        }
        return stack.block
    }
}
