import ForaCore
import TOMLKit

/// The `[review]` part of config.toml:
///
///     [review]
///     poll = 60                      # seconds between pending-count polls; 0 turns polling off
///
///     [review.filters.spam]
///     status = "pending"             # pending, approved, rejected, ignored, all
///     type = "ReviewableFlaggedPost"
///     category = 4
///     priority = "high"              # low, medium, high
///     sort = "age"                   # score or age
enum ReviewConfig {
    static func apply(_ review: TOMLTable, to config: inout TUIConfig) {
        if let poll = review["poll"]?.int {
            let seconds = poll.clamped(to: ConfigValidation.Ranges.reviewPollSeconds)
            config.reviewPollSeconds = seconds > 0 ? Double(seconds) : nil
        }
        guard let filters = review["filters"]?.table else { return }
        for name in filters.keys.sorted() {
            guard let table = filters[name]?.table else {
                config.warnings.append("config: [review.filters.\(name)] must be a table")
                continue
            }
            var filter = ReviewFilter()
            if let status = table["status"]?.string {
                if let value = ReviewFilter.Status(rawValue: status) {
                    filter.status = value
                } else {
                    config.warnings.append("config: unknown status \"\(status)\" in [review.filters.\(name)]")
                }
            }
            filter.type = table["type"]?.string
            filter.categoryID = table["category"]?.int
            if let priority = table["priority"]?.string {
                if ReviewFilter.priorities.contains(priority) {
                    filter.priority = priority
                } else {
                    config.warnings.append("config: unknown priority \"\(priority)\" in [review.filters.\(name)]")
                }
            }
            if let sort = table["sort"]?.string { filter.sort = ReviewFilter.Sort(rawValue: sort) ?? .score }
            config.reviewFilters.append((name, filter))
        }
    }
}
