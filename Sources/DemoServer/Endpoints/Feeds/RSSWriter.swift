// Writes RSS 2.0 documents in the layout of Discourse's feeds (list.rss.erb, topics/show.rss.erb):
// a channel with title, link, description and an `atom:link` to itself, then items carrying
// title, `dc:creator`, the cooked HTML in a CDATA description, link, RFC 822 date, guid and
// source. XML 1.0 cannot carry most control characters even in CDATA, so they are replaced
// (posts may contain raw escape bytes); everything else passes through unchanged.
import Foundation

struct RSSItem {
    var title: String
    var creator: String
    var category: String?
    var descriptionHTML: String
    var link: String
    var published: Date
    var guid: String
    var sourceTitle: String
    var sourceURL: String
    /// Discourse's `discourse:topicPinned` and friends, for list feeds.
    var topicFlags: (pinned: Bool, closed: Bool, archived: Bool)?
}

struct RSSChannel {
    var title: String
    var link: String
    var description: String
    var selfURL: String
    var items: [RSSItem]

    func xml() -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8" ?>
            <rss version="2.0" xmlns:discourse="http://www.discourse.org/" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel>
                <title>\(RSSChannel.text(title))</title>
                <link>\(RSSChannel.text(link))</link>
                <description>\(RSSChannel.text(description))</description>
                <atom:link href="\(RSSChannel.text(selfURL))" rel="self" type="application/rss+xml" />

            """
        for item in items {
            out += "      <item>\n"
            out += "        <title>\(RSSChannel.text(item.title))</title>\n"
            out += "        <dc:creator>\(RSSChannel.cdata(item.creator))</dc:creator>\n"
            if let category = item.category { out += "        <category>\(RSSChannel.text(category))</category>\n" }
            out += "        <description>\(RSSChannel.cdata(item.descriptionHTML))</description>\n"
            out += "        <link>\(RSSChannel.text(item.link))</link>\n"
            out += "        <pubDate>\(RSSChannel.rfc822(item.published))</pubDate>\n"
            if let flags = item.topicFlags {
                out += "        <discourse:topicPinned>\(flags.pinned ? "Yes" : "No")</discourse:topicPinned>\n"
                out += "        <discourse:topicClosed>\(flags.closed ? "Yes" : "No")</discourse:topicClosed>\n"
                out += "        <discourse:topicArchived>\(flags.archived ? "Yes" : "No")</discourse:topicArchived>\n"
            }
            out += "        <guid isPermaLink=\"false\">\(RSSChannel.text(item.guid))</guid>\n"
            out +=
                "        <source url=\"\(RSSChannel.text(item.sourceURL))\">\(RSSChannel.text(item.sourceTitle))</source>\n"
            out += "      </item>\n"
        }
        out += "  </channel>\n</rss>\n"
        return out
    }

    /// Escaped character data.
    static func text(_ value: String) -> String {
        var out = ""
        for character in xmlSafe(value) {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }

    /// A CDATA section; a `]]>` inside is split across two sections.
    static func cdata(_ value: String) -> String {
        "<![CDATA[" + xmlSafe(value).replacingOccurrences(of: "]]>", with: "]]]]><![CDATA[>") + "]]>"
    }

    /// Replaces the characters XML 1.0 forbids (C0 controls but tab and line breaks, lone
    /// surrogates cannot occur in Swift strings, U+FFFE/U+FFFF) with U+FFFD.
    static func xmlSafe(_ value: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in value.unicodeScalars {
            let allowed =
                scalar == "\t" || scalar == "\n" || scalar == "\r"
                || (scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF)
            scalars.append(allowed ? scalar : "\u{FFFD}")
        }
        return String(scalars)
    }

    /// `Tue, 01 Nov 2026 12:00:00 +0000`, as Ruby's `rfc2822` writes it.
    static func rfc822(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: date)
    }
}
