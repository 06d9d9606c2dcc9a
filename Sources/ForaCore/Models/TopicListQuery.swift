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
