import ForaRender

/// The text form of a rendered document that golden files hold: each line with its styled
/// runs marked `«role:text»` (`«link#2:text»` for a run of link 2), then the links, images
/// and fold regions. Plain-text runs are written as they are.
enum GoldenFormat {
    static func serialize(_ document: RenderedDocument, width: Int) -> String {
        var out = "width \(width)\n----\n"
        for line in document.lines {
            for run in line.runs {
                if run.role == .text && run.link == nil {
                    out += run.text
                } else {
                    let link = run.link.map { "#\($0)" } ?? ""
                    out += "«\(run.role.rawValue)\(link):\(run.text)»"
                }
            }
            out += "\n"
        }
        out += "----\n"
        for (index, url) in document.links.enumerated() { out += "link [\(index + 1)] \(url)\n" }
        for image in document.images { out += "image [\(image.link)] alt=\"\(image.alt)\"\n" }
        for fold in document.folds {
            out +=
                "fold \(fold.kind.rawValue) header=\(fold.header) body=\(fold.body.lowerBound)..<\(fold.body.upperBound)"
            out += fold.isCollapsed ? " collapsed" : " open"
            if let quote = fold.quote {
                out += " from=\(quote.username) post=\(quote.post.map(String.init) ?? "-")"
                out += " topic=\(quote.topic.map(String.init) ?? "-")"
            }
            out += "\n"
        }
        return out
    }

    /// Settings a fixture asks for in its first line: `<!-- width: 40 reveal expand -->`.
    static func settings(of html: String) -> (width: Int, options: RenderOptions) {
        var width = 60
        var options = RenderOptions()
        guard html.hasPrefix("<!--"), let end = html.range(of: "-->") else { return (width, options) }
        let words = html[html.index(html.startIndex, offsetBy: 4)..<end.lowerBound].split(separator: " ")
        for (index, word) in words.enumerated() {
            switch word {
            case "width:": width = index + 1 < words.count ? Int(words[index + 1]) ?? width : width
            case "reveal": options.revealSpoilers = true
            case "expand": options.expandDetails = true
            case "votes": options.pollVotes = ["poll": ["opt-a": 3, "opt-b": 1, "opt-c": 0]]
            default: continue
            }
        }
        return (width, options)
    }
}
