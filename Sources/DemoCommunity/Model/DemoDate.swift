// Dates in the wire format of Discourse.
import Foundation

/// Dates as Discourse writes them: `2022-07-28T10:03:51.280Z`.
public enum DemoDate {
    public static func iso8601(_ date: Date) -> String {
        date.formatted(
            Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: TimeZone(identifier: "UTC") ?? .gmt))
    }
}
