import ForaCore

/// The status line of the linear mode: one whole sentence on the last row, so a screen reader
/// reads a status change as one line at one place. An error wins over a message, a message
/// over the standing facts; the position is not repeated here (the focused row says it).
public enum LinearStatusLine {
    public static func text(_ model: StatusModel) -> String {
        if let error = model.lastError { return "error: " + error + ". x dismisses" }
        if let message = model.message { return message }
        var facts = model
        facts.position = nil
        return StatusBar.facts(facts) + ". ? for help"
    }

    public static func draw(_ model: StatusModel, on terminal: any Terminal, row: Int) {
        let width = terminal.size.columns
        let style: TextStyle = model.lastError == nil ? .status : .ui(.statusError)
        terminal.draw(
            DisplayWidth.pad(DisplayWidth.truncate(text(model), to: width), to: width), row: row, column: 0,
            style: style)
    }
}
