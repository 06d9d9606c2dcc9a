import Foundation
import TOMLKit

/// The accessibility part of config.toml (in `[ui]`; `[tui]` is read too, the table the rest
/// of the interface's settings live in):
///
///     [ui]
///     screen_reader = true        # the linear mode (also --screen-reader, FORA_SCREEN_READER=1)
///     cursor = "visible"          # or "hidden"; it is placed on the focus either way
///     selection_marker = ">"      # what the selected row of a list starts with
public struct AccessibilityConfig: Equatable, Sendable {
    public var screenReader = false
    /// nil: shown in the linear mode and where text is typed, hidden on lists otherwise.
    public var cursor: CursorVisibility?
    public var selectionMarker = ">"

    public init(screenReader: Bool = false, cursor: CursorVisibility? = nil, selectionMarker: String = ">") {
        self.screenReader = screenReader
        self.cursor = cursor
        self.selectionMarker = selectionMarker
    }

    /// What screens are drawn with.
    public var presentation: Presentation { Presentation(linear: screenReader, selectionMarker: selectionMarker) }

    /// `FORA_SCREEN_READER=1` (or any value but "0" and empty) turns the linear mode on; "0" off.
    public mutating func apply(environment: [String: String]) {
        guard let value = environment["FORA_SCREEN_READER"], !value.isEmpty else { return }
        screenReader = value != "0"
    }

    static func apply(_ table: TOMLTable, named name: String, to config: inout TUIConfig) {
        if let value = table["screen_reader"] {
            if let on = value.bool {
                config.accessibility.screenReader = on
            } else {
                config.warnings.append("config: [\(name)] screen_reader must be true or false")
            }
        }
        if let value = table["cursor"] {
            if let text = value.string, let visibility = CursorVisibility(rawValue: text) {
                config.accessibility.cursor = visibility
            } else {
                config.warnings.append("config: [\(name)] cursor must be \"visible\" or \"hidden\"")
            }
        }
        if let value = table["selection_marker"] {
            if let text = value.string {
                config.accessibility.selectionMarker = text
            } else {
                config.warnings.append("config: [\(name)] selection_marker must be a string")
            }
        }
    }
}
