// Staff reports: `GET /admin/reports/{type}.json?start_date=&end_date=`, the series Discourse's
// admin dashboard draws, for the health reports fora shows beside its own figures. Counted per
// day from the demo community: topics without a response, average hours to the first
// response, accepted solutions, flags, and the flags' statuses (a table report).
import DemoCommunity
import Foundation

enum AdminReportEndpoint {
    static let titles = [
        "topics_with_no_response": "Topics with no response", "time_to_first_response": "Time to first response",
        "accepted_solutions": "Accepted solutions", "flags": "Flags", "flags_status": "Flag status",
    ]

    static func show(request: APIRequest, context: DemoContext) throws -> APIResponse {
        guard let type = request.pathParameters["type"], let title = titles[type] else { throw DemoAPIError.notFound }
        let end = day(request.queryValue("end_date")) ?? Date()
        let start = day(request.queryValue("start_date")) ?? end.addingTimeInterval(-30 * 86_400)
        let range = start..<end.addingTimeInterval(86_400)
        return try context.state.read { data, materializer in
            try requireStaff(request.viewer, in: data)
            let rows: [JSONValue]
            let total: JSONValue
            switch type {
            case "flags_status":
                rows = flagRows(data, in: range)
                total = .int(rows.count)
            default:
                let (series, sum) = daily(type, data: &data, materializer: materializer, in: range)
                rows = series.map { ["x": .string($0.key), "y": $0.value] as JSONValue }
                total = sum
            }
            return .json([
                "report": [
                    "type": .string(type), "title": .string(title), "xaxis": "Day", "yaxis": "Count",
                    "start_date": .date(start), "end_date": .date(end), "data": .array(rows), "total": total,
                ]
            ])
        }
    }

    private static func day(_ text: String?) -> Date? {
        guard let text, !text.isEmpty else { return nil }
        return try? Date.ISO8601FormatStyle().year().month().day().parse(String(text.prefix(10)))
    }

    private static func dayKey(_ date: Date) -> String {
        String(DemoDate.iso8601(date).prefix(10))
    }

    /// Per-day values, in day order, and the report's total.
    private static func daily(
        _ type: String, data: inout CommunityData, materializer: PostMaterializer, in range: Range<Date>
    ) -> (series: [(key: String, value: JSONValue)], total: JSONValue) {
        var counts: [String: Double] = [:]
        var samples: [String: Int] = [:]
        switch type {
        case "flags":
            for reviewable in data.reviewables.values {
                for score in reviewable.scores where range.contains(score.createdAt) {
                    counts[dayKey(score.createdAt), default: 0] += 1
                }
            }
        default:
            let topics = data.topics.values.filter {
                !$0.isPrivateMessage && $0.deletedAt == nil && range.contains($0.createdAt)
            }
            for topic in topics {
                let key = dayKey(topic.createdAt)
                if type == "accepted_solutions" {
                    if topic.acceptedAnswerPostNumber != nil { counts[key, default: 0] += 1 }
                    continue
                }
                let posts = data.posts(ofTopic: topic.id, using: materializer)
                let response = posts.first {
                    $0.postType == 1 && $0.deletedAt == nil && $0.userId != topic.userId && $0.postNumber > 1
                }
                if type == "topics_with_no_response" {
                    if response == nil { counts[key, default: 0] += 1 }
                } else if let response {
                    counts[key, default: 0] += response.createdAt.timeIntervalSince(topic.createdAt) / 3_600
                    samples[key, default: 0] += 1
                }
            }
        }
        if type == "time_to_first_response" {
            let hours = counts.values.reduce(0, +)
            let answered = samples.values.reduce(0, +)
            let series = counts.keys.sorted().map { key in
                (key: key, value: JSONValue.double((counts[key] ?? 0) / Double(max(1, samples[key] ?? 1))))
            }
            return (series, answered == 0 ? .null : .double(hours / Double(answered)))
        }
        let series = counts.keys.sorted().map { (key: $0, value: JSONValue.int(Int(counts[$0] ?? 0))) }
        return (series, .int(Int(counts.values.reduce(0, +))))
    }

    /// One row a flag: its type, the flagged post's author, who flagged, and what became of it.
    private static func flagRows(_ data: CommunityData, in range: Range<Date>) -> [JSONValue] {
        let resolutions = [0: "pending", 1: "agreed", 2: "disagreed", 3: "ignored"]
        let types = [3: "off_topic", 4: "inappropriate", 6: "notify_user", 7: "notify_moderators", 8: "spam"]
        return data.reviewables.values.sorted { $0.id < $1.id }.flatMap { reviewable in
            reviewable.scores.filter { range.contains($0.createdAt) }.map { score in
                let flagger = data.users[score.userId]?.username ?? "system"
                let poster = reviewable.targetUserId.flatMap { data.users[$0]?.username } ?? ""
                return [
                    "flag_type": .string(types[score.scoreType] ?? "other"), "poster_username": .string(poster),
                    "flagger_username": .string(flagger), "resolution": .string(resolutions[score.status] ?? "pending"),
                ] as JSONValue
            }
        }
    }
}
