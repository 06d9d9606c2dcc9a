import ForaCore

/// How screens present themselves on this terminal: the standard look, or the linear mode for
/// screen readers and braille displays (one pane, no borders or animation, states as words,
/// positions spoken on the focused row). Screens read it from the terminal they draw on, so
/// every screen sees the same settings without each one being handed them.
public struct Presentation: Equatable, Sendable {
    /// The linear mode (`--screen-reader`, `[ui] screen_reader`, `FORA_SCREEN_READER=1`).
    public var linear: Bool
    /// What the selected row of a list starts with (`[ui] selection_marker`), so the selection
    /// is text and not colour alone; the other rows start with as many blanks.
    public private(set) var selectionMarker: String

    /// The longest marker kept, in columns: more would crowd out the row it marks.
    public static let maximumMarkerColumns = 3
    public static let standard = Presentation()

    public init(linear: Bool = false, selectionMarker: String = ">") {
        self.linear = linear
        self.selectionMarker = Self.clean(selectionMarker)
    }

    /// The marker as configured, without control or format characters and cut to three columns; an empty
    /// or unprintable one falls back to ">" (the selection must never be colour alone).
    static func clean(_ marker: String) -> String {
        let printable = String(
            marker.filter { cluster in
                !cluster.unicodeScalars.contains { [.control, .format].contains($0.properties.generalCategory) }
            })
        let cut = RegionTerminal.clip(printable, to: maximumMarkerColumns)
        return cut.trimmingCharacters(in: .whitespaces).isEmpty ? ">" : cut
    }

    /// The blanks that stand for the marker on rows that are not selected.
    public var markerBlank: String { String(repeating: " ", count: DisplayWidth.of(selectionMarker)) }

    /// The start of a list row: the marker when selected, blanks otherwise, then a space.
    public func rowPrefix(selected: Bool) -> String { (selected ? selectionMarker : markerBlank) + " " }

    /// How many columns `rowPrefix` takes.
    public var rowPrefixColumns: Int { DisplayWidth.of(selectionMarker) + 1 }
}

/// Whether the terminal's cursor shows (`[ui] cursor`). It is placed on the focus either way.
public enum CursorVisibility: String, Sendable, Equatable {
    case visible
    case hidden

    /// Whether the cursor shows, for `setting` (nil: not configured) on a focus that does or
    /// does not take text: unconfigured, it shows in the linear mode and where text is typed.
    public static func shows(_ setting: CursorVisibility?, linear: Bool, takingText: Bool) -> Bool {
        switch setting {
        case .visible: return true
        case .hidden: return false
        case nil: return linear || takingText
        }
    }
}
