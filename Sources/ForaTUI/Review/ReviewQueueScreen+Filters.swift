import ForaCore

/// Filter and order changes: each key cycles one filter and reloads from the server.
extension ReviewQueueScreen {
    func changeFilter(_ operation: OperationID) -> ScreenAction {
        switch operation {
        case .filterStatus:
            let all = ReviewFilter.Status.allCases
            filter.status = all[((all.firstIndex(of: filter.status) ?? 0) + 1) % all.count]
        case .filterType: filter.type = ReviewFilter.next(after: filter.type, in: ReviewFilter.types)
        case .filterCategory:
            filter.categoryID = ReviewFilter.next(after: filter.categoryID, in: categories.keys.sorted())
        case .filterPriority: filter.priority = ReviewFilter.next(after: filter.priority, in: ReviewFilter.priorities)
        case .sortOrder: filter.sort = filter.sort == .score ? .age : .score
        case .savedFilter:
            guard !savedFilters.isEmpty else { return .message("no saved filters: add [review.filters.NAME]") }
            let index = savedIndex.map { ($0 + 1) % savedFilters.count } ?? 0
            savedIndex = index
            filter = savedFilters[index].filter
            reload()
            return .message("filter \(savedFilters[index].name): " + filterDescription)
        default: return .unhandled
        }
        savedIndex = nil
        reload()
        return .message(filterDescription)
    }

    /// "pending · by score", plus the filters that are set.
    public var filterDescription: String {
        var parts = [filter.status.rawValue]
        if let type = filter.type { parts.append("type " + ReviewItem(id: 0, type: type).typeLabel) }
        if let category = filter.categoryID {
            parts.append("category " + (categories[category]?.name ?? "\(category)"))
        }
        if let priority = filter.priority { parts.append("priority " + priority) }
        parts.append(filter.sort == .score ? "by score" : "oldest first")
        return parts.joined(separator: " · ")
    }
}
