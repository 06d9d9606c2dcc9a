import ForaCore

extension TopicListQuery {
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
    var path: String {
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
