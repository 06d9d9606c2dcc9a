import ForaCore
import Foundation

/// The `?` screen, generated from the operation table and the live keymap: the keys of the
/// screen it was opened from, then the keys that work everywhere, then every `:` command.
@MainActor
public final class HelpScreen: Screen {
    public let context = KeyContext.help
    public let hintGroups: [[OperationID]] = [[.moveDown, .moveUp], [.back]]
    public let lines: [(text: String, style: TextStyle)]
    private var navigator = ListNavigator()

    /// `extra`: lines the screen adds at the top (the review queue's per-item action keys).
    public init(for context: KeyContext, keymap: Keymap, extra: [String] = []) {
        lines =
            extra.map { ($0, TextStyle.normal) } + (extra.isEmpty ? [] : [("", .normal)])
            + Self.build(for: context, keymap: keymap)
    }

    static func build(for context: KeyContext, keymap: Keymap) -> [(text: String, style: TextStyle)] {
        var lines: [(String, TextStyle)] = []
        func section(_ title: String, _ operations: [Operation], keysIn keyContext: KeyContext) {
            guard !operations.isEmpty else { return }
            lines.append((title, .ui(.notice)))
            for operation in operations {
                let keys = keymap.ownKeys(for: operation.id, in: keyContext).map(KeyName.name).joined(separator: " ")
                lines.append(
                    (
                        "  " + DisplayWidth.pad(keys, to: 16) + " " + DisplayWidth.pad(operation.name, to: 18) + " "
                            + operation.description, .normal
                    ))
            }
            lines.append(("", .normal))
        }
        let own = OperationTable.all.filter { !keymap.ownKeys(for: $0.id, in: context).isEmpty }
        let global = OperationTable.all.filter { !keymap.ownKeys(for: $0.id, in: .global).isEmpty }
        section("Keys on this screen (\(context.rawValue))", own, keysIn: context)
        if context == .composer {
            lines.append(("Printable keys and Enter are text here: of the keys below, only control keys work.", .dim))
            lines.append(("", .normal))
        }
        section("Keys everywhere", global, keysIn: .global)
        lines.append(("Commands (type : then a name; Tab completes; a number after it is a count)", .ui(.notice)))
        for operation in OperationTable.all {
            lines.append(("  :" + DisplayWidth.pad(operation.name, to: 18) + " " + operation.description, .normal))
        }
        lines.append(("", .normal))
        lines.append(("A number typed before a key repeats it or picks an item: 5j, 12G, 2o.", .dim))
        if context == .reader {
            lines.append(
                (
                    "The focused post (marked ┃, the cursor on it) is what post actions act on; a number before "
                        + "one names the post instead: 7H hides post 7 after asking, 3l likes post 3.", .dim
                ))
        }
        return lines
    }

    public var text: String { lines.map(\.text).joined(separator: "\n") }

    public func draw(on terminal: any Terminal, focused: Bool) {
        let (rows, columns) = terminal.size
        terminal.clear()
        terminal.draw(DisplayWidth.pad("Help · keys and commands", to: columns), row: 0, column: 0, style: .header)
        let wrapped = Self.wrap(lines, width: columns)
        navigator.update(count: max(0, wrapped.count - (rows - 1) + 1), visibleRows: 1)
        for (offset, line) in wrapped.dropFirst(navigator.cursor).prefix(rows - 1).enumerated() {
            terminal.draw(line.text, row: 1 + offset, column: 0, style: line.style)
        }
    }

    /// Lines longer than the screen wrap instead of being cut; a key line's continuation rows
    /// line up under its description (or under a short indent on a narrow screen).
    static func wrap(_ lines: [(text: String, style: TextStyle)], width: Int) -> [(text: String, style: TextStyle)] {
        let hanging = width >= 80 ? 38 : 4
        var rows: [(text: String, style: TextStyle)] = []
        for line in lines {
            guard DisplayWidth.of(line.text) > width else {
                rows.append(line)
                continue
            }
            let indent = line.text.hasPrefix("  ") ? hanging : 4
            let first = TextWrap.lines(line.text, width: width)
            guard let head = first.first else { continue }
            rows.append((head, line.style))
            let rest = String(line.text.dropFirst(head.count)).trimmingCharacters(in: .whitespaces)
            let pad = String(repeating: " ", count: indent)
            for continuation in TextWrap.lines(rest, width: max(1, width - indent)) {
                rows.append((pad + continuation, line.style))
            }
        }
        return rows
    }

    /// The first line shown: help scrolls as a page.
    public var cursorPosition: FocusCursor? { FocusCursor(row: 1) }

    /// Help scrolls as a page: the navigator's cursor is the first line shown.
    public func perform(_ operation: OperationID, count: Int?) -> ScreenAction {
        let n = count ?? 1
        switch operation {
        case .moveDown: navigator.move(by: n)
        case .moveUp: navigator.move(by: -n)
        case .pageDown, .halfPageDown: navigator.move(by: 10 * n)
        case .pageUp, .halfPageUp: navigator.move(by: -10 * n)
        case .first: navigator.toFirst()
        case .last: navigator.toLast()
        case .back: return .back
        default: return .unhandled
        }
        return .none
    }
}
