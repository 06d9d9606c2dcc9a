import ForaCore

extension ReviewFilter {
    /// The query string of `/review.json` (without the `?`).
    var query: String {
        var items = ["status=\(status.rawValue)", "sort_order=\(sort.parameter)"]
        if let type { items.append("type=\(type)") }
        if let categoryID { items.append("category_id=\(categoryID)") }
        if let priority { items.append("priority=\(priority)") }
        return items.joined(separator: "&")
    }
}

extension ReviewFilter.Sort {
    /// `sort_order` of `/review.json`: highest score first, or oldest first.
    var parameter: String { self == .score ? "score" : "created_at_asc" }
}
