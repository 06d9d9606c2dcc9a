// The `q` of `/search.json` split into free-text terms and the advanced filters Discourse
// understands (lib/search.rb and the solved plugin): `in:title`, `in:first`, `in:bookmarks`,
// `in:personal`/`in:messages`, `status:solved|unsolved|open|closed|archived`,
// `order:latest|oldest|likes|views`, `category:slug`/`#slug`, `tags:a,b`/`tags:a+b`,
// `@username`/`user:username`, `before:`/`after:` dates. Unknown filters are ignored, as
// Discourse ignores them.
import Foundation

struct SearchQuery: Equatable {
    enum Order: String { case relevance, latest, oldest, likes, views }
    enum Status: String { case solved, unsolved, open, closed, archived }

    /// Lower-cased words every result must contain.
    var terms: [String] = []
    var titleOnly = false
    var firstPostOnly = false
    var bookmarksOnly = false
    var personalOnly = false
    var statuses: [Status] = []
    var order: Order = .relevance
    var categorySlug: String?
    /// Tags of which any (`tags:a,b`) or all (`tags:a+b`) must be present.
    var tags: [String] = []
    var allTagsRequired = false
    var username: String?
    var before: Date?
    var after: Date?

    /// The free text as Discourse reports it back in `grouped_search_result.term`.
    var term: String { terms.joined(separator: " ") }

    /// Whether any filter narrows the search, so that a short or empty text is still a search.
    var hasFilters: Bool {
        titleOnly || firstPostOnly || bookmarksOnly || personalOnly || !statuses.isEmpty || categorySlug != nil
            || !tags.isEmpty || username != nil || before != nil || after != nil
    }

    init(_ q: String) {
        for token in q.split(whereSeparator: \.isWhitespace).map(String.init) {
            if !apply(filter: token) { terms.append(token.lowercased()) }
        }
    }

    /// Applies `token` when it is a filter; false when it is plain text.
    private mutating func apply(filter token: String) -> Bool {
        let lower = token.lowercased()
        if lower.hasPrefix("@"), lower.count > 1 {
            username = String(lower.dropFirst())
            return true
        }
        if lower.hasPrefix("#"), lower.count > 1 {
            categorySlug = String(lower.dropFirst())
            return true
        }
        guard let colon = lower.firstIndex(of: ":") else { return false }
        let key = String(lower[..<colon])
        let value = String(lower[lower.index(after: colon)...])
        guard !value.isEmpty else { return false }
        switch key {
        case "in":
            switch value {
            case "title": titleOnly = true
            case "first", "f": firstPostOnly = true
            case "bookmarks": bookmarksOnly = true
            case "personal", "messages", "personal-direct": personalOnly = true
            default: break
            }
        case "status":
            if let status = Status(rawValue: value) { statuses.append(status) }
        case "order":
            switch value {
            case "latest", "latest_topic": order = .latest
            case "oldest", "oldest_topic": order = .oldest
            case "likes": order = .likes
            case "views": order = .views
            default: break
            }
        case "category", "categories":
            categorySlug = value.split(separator: ",").first.map(String.init)
        case "tags", "tag":
            allTagsRequired = value.contains("+")
            tags = value.split(whereSeparator: { $0 == "," || $0 == "+" }).map(String.init)
        case "user":
            username = value
        case "before":
            before = Self.date(value)
        case "after":
            after = Self.date(value)
        default:
            // `word:thing` that is no filter Discourse knows stays part of the text.
            return [
                "group", "badge", "with", "filetype", "min_posts", "max_posts", "min_views", "max_views",
                "posts_count", "created", "assigned",
            ].contains(key)
        }
        return true
    }

    private static func date(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.date(from: text)
    }
}
