// A post body built as raw markdown and the cooked HTML Discourse would make of it, side by side.

/// Raw markdown and its cooked HTML, kept in step by building both at once.
struct PostBody {
    var raw: String = ""
    var cooked: String = ""

    static func + (lhs: PostBody, rhs: PostBody) -> PostBody {
        if lhs.raw.isEmpty { return rhs }
        if rhs.raw.isEmpty { return lhs }
        return PostBody(raw: lhs.raw + "\n\n" + rhs.raw, cooked: lhs.cooked + "\n" + rhs.cooked)
    }

    static func join(_ parts: [PostBody]) -> PostBody { parts.reduce(PostBody(), +) }

    /// Escapes text for HTML the way Discourse's cooker does.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(ch)
            }
        }
        return out
    }

    static func paragraph(_ text: String) -> PostBody {
        PostBody(raw: text, cooked: "<p>\(escape(text))</p>")
    }

    /// A paragraph whose raw and cooked inline markup is given explicitly.
    static func inline(raw: String, cooked: String) -> PostBody {
        PostBody(raw: raw, cooked: "<p>\(cooked)</p>")
    }

    /// A heading with the anchor Discourse adds (`name` is the slug of the text plus `-1`).
    static func heading(_ level: Int, _ text: String) -> PostBody {
        let anchor = CommunityData.slugify(text) + "-1"
        return PostBody(
            raw: String(repeating: "#", count: level) + " " + text,
            cooked:
                "<h\(level)><a name=\"\(anchor)\" class=\"anchor\" href=\"#\(anchor)\"></a>\(escape(text))</h\(level)>")
    }

    static func code(_ language: String, _ source: String) -> PostBody {
        PostBody(
            raw: "```\(language)\n\(source)\n```",
            cooked: "<pre><code class=\"lang-\(language)\">\(escape(source))\n</code></pre>")
    }

    static func blockQuote(_ text: String) -> PostBody {
        PostBody(raw: "> " + text, cooked: "<blockquote>\n<p>\(escape(text))</p>\n</blockquote>")
    }

    /// A Discourse quote of an earlier post of the same topic.
    static func quote(username: String, postNumber: Int, topicId: Int, text: String) -> PostBody {
        PostBody(
            raw: "[quote=\"\(username), post:\(postNumber), topic:\(topicId)\"]\n\(text)\n[/quote]",
            cooked: "<aside class=\"quote no-group\" data-username=\"\(username)\" data-post=\"\(postNumber)\" "
                + "data-topic=\"\(topicId)\">\n<div class=\"title\">\n<div class=\"quote-controls\"></div>\n"
                + "<img loading=\"lazy\" alt=\"\" width=\"24\" height=\"24\" "
                + "src=\"/letter_avatar_proxy/v4/letter/\(username.prefix(1).lowercased())/8e7dd6/48.png\" class=\"avatar\"> "
                + "\(escape(username)):</div>\n<blockquote>\n<p>\(escape(text))</p>\n</blockquote>\n</aside>")
    }

    static func list(_ items: [String], ordered: Bool = false) -> PostBody {
        let tag = ordered ? "ol" : "ul"
        let raw = items.enumerated().map { ordered ? "\($0.offset + 1). \($0.element)" : "* \($0.element)" }
        let cooked = items.map { "<li>\(escape($0))</li>" }.joined(separator: "\n")
        return PostBody(raw: raw.joined(separator: "\n"), cooked: "<\(tag)>\n\(cooked)\n</\(tag)>")
    }

    static func emoji(_ name: String) -> String {
        "<img src=\"/images/emoji/twitter/\(name).png?v=12\" title=\":\(name):\" class=\"emoji\" alt=\":\(name):\" loading=\"lazy\" width=\"20\" height=\"20\">"
    }

    /// A category hashtag (`#slug` in raw) as Discourse cooks it.
    static func hashtag(_ slug: String, categoryId: Int) -> String {
        "<a class=\"hashtag-cooked\" href=\"/c/\(slug)/\(categoryId)\" data-type=\"category\" data-slug=\"\(slug)\" "
            + "data-id=\"\(categoryId)\"><span class=\"hashtag-icon-placeholder\"></span><span>\(slug)</span></a>"
    }

    static func mention(_ username: String) -> String {
        "<a class=\"mention\" href=\"/u/\(username)\">@\(username)</a>"
    }
}
