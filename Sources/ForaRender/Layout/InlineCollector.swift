/// Walks inline HTML (text, emphasis, links, images, emoji, mentions…) into an
/// `InlineBuffer`. The innermost element decides a run's role; a run inside a link keeps
/// the link's number whatever its role.
struct InlineCollector {
    let state: RenderState

    /// What a hidden inline spoiler shows in its place.
    static let spoilerPlaceholder = "[spoiler]"

    func collect(_ node: HTMLNode, into buffer: inout InlineBuffer, role: TextRole = .text, link: Int? = nil) {
        if node.isText {
            let text = node.text
            if state.options.cookShortcodes && link == nil && role != .code,
                let runs = DiscourseTextPreview.runs(text, role: role)
            {
                for (piece, pieceRole) in runs { buffer.append(piece, role: pieceRole) }
            } else {
                buffer.append(text, role: role, link: link)
            }
            return
        }
        guard node.isElement else { return }
        switch node.name {
        case "b", "strong": children(of: node, into: &buffer, role: .strong, link: link)
        case "i", "em", "cite", "dfn", "var": children(of: node, into: &buffer, role: .emphasis, link: link)
        case "s", "del", "strike": children(of: node, into: &buffer, role: .strikethrough, link: link)
        case "code", "tt", "samp": children(of: node, into: &buffer, role: .code, link: link)
        case "kbd":
            buffer.appendLiteral("[", role: .keyboard, link: link)
            children(of: node, into: &buffer, role: .keyboard, link: link)
            buffer.appendLiteral("]", role: .keyboard, link: link)
        case "q":
            buffer.appendLiteral("“", role: role, link: link)
            children(of: node, into: &buffer, role: role, link: link)
            buffer.appendLiteral("”", role: role, link: link)
        case "a": anchor(node, into: &buffer, role: role)
        case "img": image(node, into: &buffer, link: link)
        case "br": buffer.appendHardBreak()
        case "span": span(node, into: &buffer, role: role, link: link)
        case "sup" where node.hasClass("footnote-ref"):
            let label = node.textContent.filter { $0 != "[" && $0 != "]" }
            buffer.appendLiteral("[^\(TerminalSafety.sanitize(label))]", role: .muted)
        case "input" where node.attribute("type") == "checkbox":
            buffer.appendLiteral(node.hasAttribute("checked") ? "[x]" : "[ ]", role: .muted)
            buffer.appendSpace()
        case "div" where node.hasClass("meta"):
            return  // a lightbox's file name and size: noise in a terminal
        case "iframe", "video", "audio":
            media(node, into: &buffer)
        case "svg", "script", "style", "template", "head", "title", "noscript", "button", "select", "textarea":
            return
        default:
            children(of: node, into: &buffer, role: role, link: link)
        }
    }

    func children(of node: HTMLNode, into buffer: inout InlineBuffer, role: TextRole = .text, link: Int? = nil) {
        for child in node.children { collect(child, into: &buffer, role: role, link: link) }
    }

    private func anchor(_ node: HTMLNode, into buffer: inout InlineBuffer, role: TextRole) {
        if node.hasClass("mention") || node.hasClass("mention-group") {
            children(of: node, into: &buffer, role: .mention)
            return
        }
        if node.hasClass("hashtag-cooked") || node.hasClass("hashtag") {
            var label = InlineBuffer()
            children(of: node, into: &label, role: .hashtag)
            let text = label.items.compactMap { item -> String? in
                if case .run(let run) = item { return run.text }
                return nil
            }.joined()
            buffer.appendLiteral(text.hasPrefix("#") ? text : "#" + text, role: .hashtag)
            return
        }
        if node.hasClass("footnote-backref") { return }
        if node.hasClass("lightbox"), let img = node.firstDescendant(where: { $0.name == "img" }) {
            let url = node.attribute("href").flatMap { $0.isEmpty ? nil : $0 } ?? img.attribute("src") ?? ""
            let named = node.firstDescendant { $0.name == "span" && $0.hasClass("filename") }?.textContent
            imagePlaceholder(
                url: url, alt: img.attribute("alt") ?? img.attribute("title") ?? "",
                file: named ?? Self.fileName(of: img.attribute("src") ?? url), into: &buffer)
            return
        }
        guard let href = node.attribute("href"), !href.isEmpty, !href.hasPrefix("#") else {
            children(of: node, into: &buffer, role: role)
            return
        }
        let number = state.number(for: href)
        children(of: node, into: &buffer, role: .link, link: number)
        buffer.appendLiteral("[\(number)]", role: .muted)
    }

    private func image(_ node: HTMLNode, into buffer: inout InlineBuffer, link: Int?) {
        if node.hasClass("emoji") {
            let alias = node.attribute("title") ?? node.attribute("alt") ?? ""
            buffer.appendLiteral(TerminalSafety.sanitize(EmojiTable.character(for: alias)), role: .text, link: link)
            return
        }
        if node.hasClass("avatar") || node.hasClass("site-icon") { return }
        let url = node.attribute("src") ?? ""
        imagePlaceholder(
            url: url, alt: node.attribute("alt") ?? node.attribute("title") ?? "", file: Self.fileName(of: url),
            into: &buffer)
    }

    /// The last path segment of `url` when it looks like a file name ("shot.png"), else "".
    static func fileName(of url: String) -> String {
        guard !url.hasPrefix("data:") else { return "" }
        let path = url.prefix { $0 != "?" && $0 != "#" }
        let last = path.split(separator: "/").last.map(String.init) ?? ""
        return last.contains(".") && !last.hasPrefix(".") ? last : ""
    }

    /// `[image: alt · file.png]`: the alt text and the file name a reader sees on the web (the
    /// name alone when the alt is only its stem, as Discourse writes by default).
    private func imagePlaceholder(url: String, alt: String, file: String, into buffer: inout InlineBuffer) {
        var words = InlineBuffer()
        words.append(alt, role: .image)
        let altText = words.plainText
        var text = altText
        var name = InlineBuffer()
        name.append(String(file.prefix(120)), role: .image)
        let fileText = name.plainText
        if !fileText.isEmpty {
            let stem = fileText.split(separator: ".").dropLast().joined(separator: ".")
            if text.isEmpty || text.lowercased() == stem.lowercased() || text.lowercased() == fileText.lowercased() {
                text = fileText
            } else {
                text += " · " + fileText
            }
        }
        let label = text.isEmpty ? "[image]" : "[image: \(text)]"
        guard !url.isEmpty else {
            buffer.appendLiteral(label, role: .image)
            return
        }
        let number = state.image(url: url, alt: altText)
        buffer.appendLiteral(label, role: .image, link: number)
        buffer.appendLiteral("[\(number)]", role: .muted)
    }

    private func media(_ node: HTMLNode, into buffer: inout InlineBuffer) {
        let source = node.attribute("src") ?? node.firstDescendant(where: { $0.name == "source" })?.attribute("src")
        let label = node.name == "iframe" ? "[embed]" : "[\(node.name)]"
        guard let url = source, !url.isEmpty else {
            buffer.appendLiteral(label, role: .image)
            return
        }
        let number = state.number(for: url)
        buffer.appendLiteral(label, role: .image, link: number)
        buffer.appendLiteral("[\(number)]", role: .muted)
    }

    private func span(_ node: HTMLNode, into buffer: inout InlineBuffer, role: TextRole, link: Int?) {
        if node.hasClass("spoiler") || node.hasClass("spoiled") {
            var words = InlineBuffer()
            if state.options.revealSpoilers {
                children(of: node, into: &words, role: .spoiler, link: link)
                buffer.append(contentsOf: words)
            } else {
                // Hidden: only the words, so links inside take no number the reader can't see.
                words.append(node.textContent, role: .spoiler)
                buffer.appendLiteral(Self.spoilerPlaceholder, role: .spoiler)
            }
            state.inlineSpoilers.append(words.plainText.trimmingSpaces)
        } else if node.hasClass("math") {
            buffer.appendLiteral("$", role: .math)
            children(of: node, into: &buffer, role: .math, link: link)
            buffer.appendLiteral("$", role: .math)
        } else if node.hasClass("chcklst-box") {
            let checked = node.hasClass("checked") || node.hasClass("fa-square-check-o")
            buffer.appendLiteral(checked ? "[x]" : "[ ]", role: .muted)
            buffer.appendSpace()
        } else if node.hasClass("hashtag-icon-placeholder") {
            return
        } else if node.hasClass("mention") {
            children(of: node, into: &buffer, role: .mention, link: link)
        } else {
            children(of: node, into: &buffer, role: role, link: link)
        }
    }
}

extension String {
    /// The string without leading and trailing spaces (ASCII space only; the text is
    /// already collapsed).
    var trimmingSpaces: String {
        var slice = Substring(self)
        while slice.first == " " { slice = slice.dropFirst() }
        while slice.last == " " { slice = slice.dropLast() }
        return String(slice)
    }
}
