import Foundation

/// One of the site's own admin reports (staff only), shown beside the cache's figures and
/// labelled as the server's: a title, a total and a series of points.
public struct ServerReport: Sendable, Equatable, Decodable {
    public var type: String
    public var title: String
    public var total: Double?
    public var points: [Point]

    public struct Point: Sendable, Equatable {
        public var x: String
        public var y: Double
    }

    /// The reports fora shows: what the cache's figures correspond to on the server.
    public static let healthTypes = [
        "topics_with_no_response", "time_to_first_response", "accepted_solutions", "flags", "flags_status",
    ]

    public init(type: String, title: String, total: Double?, points: [Point]) {
        self.type = type
        self.title = title
        self.total = total
        self.points = points
    }

    private enum Keys: String, CodingKey { case report }
    private enum ReportKeys: String, CodingKey { case type, title, total, data }
    private enum PointKeys: String, CodingKey { case x, y }

    /// `{"report": {"type", "title", "total", "data": [{"x", "y"}…]}}`. Table reports (rows
    /// without x and y, such as flags_status) keep no points; their total is their row count.
    public init(from decoder: any Decoder) throws {
        let report = try decoder.container(keyedBy: Keys.self).nestedContainer(
            keyedBy: ReportKeys.self, forKey: .report)
        type = report.lenient(String.self, .type) ?? "report"
        title = report.lenient(String.self, .title) ?? type
        var points: [Point] = []
        var rows = 0
        if var data = try? report.nestedUnkeyedContainer(forKey: .data) {
            while !data.isAtEnd, rows < 10_000 {
                rows += 1
                guard let row = try? data.nestedContainer(keyedBy: PointKeys.self) else {
                    _ = try? data.decode(LenientSkip.self)
                    continue
                }
                if let y = row.lenient(Double.self, .y), y.isFinite {
                    let x = row.lenient(String.self, .x) ?? row.lenientInt(.x).map(String.init) ?? ""
                    points.append(Point(x: x, y: y))
                }
            }
        }
        self.points = points
        let total = report.lenient(Double.self, .total)
        // A table report (rows without x and y) totals its rows; an empty series has no total.
        self.total = total.flatMap { $0.isFinite ? $0 : nil } ?? (points.isEmpty && rows > 0 ? Double(rows) : nil)
    }
}

/// Decodes (and drops) any JSON value, so a report's odd row does not stop the rest.
private struct LenientSkip: Decodable {
    init(from decoder: any Decoder) throws {}
}
