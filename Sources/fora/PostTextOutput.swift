import ForaRender
import Foundation

/// How `fora read` shows a post's folded parts: in `--json` every word with the folded blocks
/// marked (`text`, `folded`, `links`); in plain output, unless `--reveal`, a line that says
/// what is folded and how to show it.
enum PostTextOutput {
    /// The `text`, `folded` and `links` keys of a post in `fora read --json`.
    static func json(_ text: PostText) -> [String: Any] {
        [
            "text": text.text,
            "folded": text.folded.map { block -> [String: Any] in
                [
                    "kind": block.kind.rawValue, "summary": Output.nullable(block.summary), "text": block.text,
                    "first_line": block.firstLine, "last_line": block.lastLine,
                ]
            },
            "links": text.links,
        ]
    }

    /// The post's JSON with `text`, `folded` and `links` from `text` merged in.
    static func merge(_ post: [String: Any], _ text: PostText) -> [String: Any] {
        post.merging(json(text)) { _, new in new }
    }

    /// "(2 folded blocks hidden: fora read --reveal shows them)", or nil when nothing is.
    static func notice(for document: RenderedDocument) -> String? {
        let hidden = document.hiddenCount
        guard hidden > 0 else { return nil }
        let what = hidden == 1 ? "1 folded block (details or spoiler) hidden" : "\(hidden) folded blocks hidden"
        return "(\(what): fora read --reveal shows them)"
    }

    /// The render options `fora read` uses: everything open with `--reveal`.
    static func options(reveal: Bool, baseURL: String?) -> RenderOptions {
        var options = RenderOptions(revealSpoilers: reveal, expandDetails: reveal)
        options.baseURL = baseURL
        return options
    }
}
