import Foundation

/// How health figures read to a person, the same in `fora stats` and the health screen.
public enum HealthFormatting {
    /// "45s", "12m", "2h 14m", "3d 4h", "41d".
    public static func duration(_ seconds: Double) -> String {
        let total = Int(min(max(seconds, 0), 1e12).rounded())
        let days = total / 86_400
        let hours = total % 86_400 / 3_600
        let minutes = total % 3_600 / 60
        if days >= 10 { return "\(days)d" }
        if days > 0 { return hours > 0 ? "\(days)d \(hours)h" : "\(days)d" }
        if hours > 0 { return minutes > 0 ? "\(hours)h \(minutes)m" : "\(hours)h" }
        if minutes > 0 { return "\(minutes)m" }
        return "\(total)s"
    }

    /// "75%" (nil: "n/a").
    public static func percent(_ fraction: Double?) -> String {
        guard let fraction else { return "n/a" }
        return "\(Int((fraction * 100).rounded()))%"
    }

    /// "2026-11-30" (UTC).
    public static func day(_ ms: Int64) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date(timeIntervalSince1970: Double(ms) / 1000))
    }

    /// "2026-12-07T19:53:06.000Z" (UTC).
    public static func instant(_ ms: Int64) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'"
        return formatter.string(from: Date(timeIntervalSince1970: Double(ms) / 1000))
    }
}

/// `--since`/`--until` values: a date (`2026-11-01`, midnight UTC), an ISO 8601 time, or an
/// age back from the end of the period (`30d`, `12w`, `6m` for months of 30 days, `1y`).
public enum HealthDateArgument {
    /// The earliest and latest instants accepted (years 1970 to 9999).
    static let earliestMs: Int64 = 0
    static let latestMs: Int64 = 253_402_300_799_000

    public static func parse(_ text: String, relativeTo referenceMs: Int64) -> Int64? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let unit = trimmed.last, let count = Int64(trimmed.dropLast()), count >= 0, count <= 100_000 {
            let days: Int64? =
                switch unit {
                case "d": 1
                case "w": 7
                case "m": 30
                case "y": 365
                default: nil
                }
            if let days { return max(earliestMs, referenceMs - count * days * 86_400_000) }
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        if trimmed.count == 10, let date = formatter.date(from: trimmed) { return clamp(date) }
        if let date = ForaDate.parse(trimmed) { return clamp(date) }
        return nil
    }

    private static func clamp(_ date: Date) -> Int64? {
        let ms = date.timeIntervalSince1970 * 1000
        guard ms.isFinite, ms >= Double(earliestMs), ms <= Double(latestMs) else { return nil }
        return Int64(ms)
    }
}
