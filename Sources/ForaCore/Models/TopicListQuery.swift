/// Which topic list to fetch: a filter, optionally within a category or tag, one page at a time.
public struct TopicListQuery: Equatable, Sendable {
    public enum Filter: Equatable, Sendable {
        case latest, new, unread, hot
        case top(TopPeriod)
        /// Topics the user posted in (`/posted.json`; needs a login).
        case posted
    }

    public enum TopPeriod: String, Sendable, CaseIterable {
        case all, yearly, quarterly, monthly, weekly, daily
    }

    /// A category by slug and id (the id is what Discourse routes on).
    public struct CategoryRef: Equatable, Sendable {
        public var slug: String
        public var id: Int
        public init(slug: String, id: Int) {
            self.slug = slug
            self.id = id
        }
    }

    public var filter: Filter
    public var category: CategoryRef?
    public var tag: String?
    /// 0-based, as Discourse's lists count.
    public var page: Int

    public init(filter: Filter = .latest, category: CategoryRef? = nil, tag: String? = nil, page: Int = 0) {
        self.filter = filter
        self.category = category
        self.tag = tag
        self.page = page
    }

    var filterName: String {
        switch filter {
        case .latest: return "latest"
        case .new: return "new"
        case .unread: return "unread"
        case .hot: return "hot"
        case .top: return "top"
        case .posted: return "posted"
        }
    }

    /// The path and query: `/latest.json?page=1`, `/c/support/3/l/top.json?period=weekly`,
    /// `/tag/sync/l/new.json`, and for a category and a tag together Discourse's
    /// `/tags/c/{slug}/{id}/{tag}.json` (its `/l/{filter}` form for the other filters).
    public var path: String {
        func escape(_ text: String) -> String {
            text.addingPercentEncodingForPath()
        }
        let base: String
        switch (category, tag) {
        case (let category?, let tag?):
            let scope = "/tags/c/\(escape(category.slug))/\(category.id)/\(escape(tag))"
            base = filter == .latest ? scope + ".json" : scope + "/l/\(filterName).json"
        case (let category?, nil):
            base = "/c/\(escape(category.slug))/\(category.id)/l/\(filterName).json"
        case (nil, let tag?):
            base = "/tag/\(escape(tag))/l/\(filterName).json"
        case (nil, nil):
            base = "/\(filterName).json"
        }
        var query: [String] = []
        if case .top(let period) = filter { query.append("period=\(period.rawValue)") }
        if page > 0 { query.append("page=\(page)") }
        return query.isEmpty ? base : base + "?" + query.joined(separator: "&")
    }
}

extension String {
    /// Percent-encodes everything but unreserved characters, for one path segment or query value.
    public func addingPercentEncodingForPath() -> String {
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)
        var result = ""
        for byte in utf8 {
            if allowed.contains(byte) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return result
    }

    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
