// ForaRender turns Discourse's cooked HTML (and the composer's markdown) into terminal lines:
// HTML/ parses with libxml2; Layout/ lays blocks and inline text out by display width;
// Discourse/ knows Discourse's own constructs (quotes, oneboxes, polls, emoji); Safety/ makes
// every string harmless to a terminal; Output/ writes lines as ANSI or plain text; Cache/
// keeps renderings per post and width; Markdown/ is the composer preview. No ncurses here.

/// The public face of the renderer that `fora read`, the TUI reader and the composer
/// preview call.
public struct CookedRenderer: Sendable {
    public var options: RenderOptions

    public init(options: RenderOptions = RenderOptions()) { self.options = options }

    /// Renders Discourse "cooked" HTML wrapped to `width` display columns. Every line is at
    /// most `width` columns wide and holds no control character.
    public func render(_ cooked: String, width: Int) -> RenderedDocument {
        let width = max(1, width)
        let state = RenderState(options: options)
        let block = HTMLDocument.parse(
            TerminalSafety.revealControlReferences(in: TerminalSafety.revealControls(in: cooked))
        ) { root -> LineBlock in
            guard let root else { return LineBlock() }
            return BlockRenderer(state: state).children(of: root, width: width)
        }
        let lines = block.lines.map { line -> StyledLine in
            var trimmed = LineMeasure.trimTrailingSpaces(line)
            // Every string was cleaned on its way in; this last pass makes sure of it.
            for index in trimmed.runs.indices where !TerminalSafety.isSafe(trimmed.runs[index].text) {
                trimmed.runs[index].text = TerminalSafety.sanitize(trimmed.runs[index].text)
            }
            // Lines are laid out to fit, but fixed pieces (labels, markers, deep nesting on a
            // narrow pane) may not. A line of at most `width` UTF-8 bytes fits for sure (no
            // character is wider than its encoding is long), so only longer ones are measured.
            let bytes = trimmed.runs.reduce(0) { $0 + $1.text.utf8.count }
            let fitted =
                bytes <= width || LineMeasure.upperBound(of: trimmed) <= width
                ? trimmed : LineMeasure.clip(trimmed, to: width)
            return options.visualOrder ? BidiReorder.visual(fitted) : fitted
        }
        return RenderedDocument(
            lines: lines, links: state.links, images: state.images, folds: block.folds,
            inlineSpoilers: state.inlineSpoilers)
    }
}
