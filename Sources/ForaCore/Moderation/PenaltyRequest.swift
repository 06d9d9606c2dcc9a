import Foundation

/// A silence or suspension as a moderator types it on the command line:
/// `:suspend 7d spamming links`, `:silence 12h heated thread`, `:suspend forever bot`,
/// `:silence 2026-12-31 cooling off`. The duration comes first, then the reason, which is
/// required (Discourse shows it to the user and keeps it in the staff log).
public struct PenaltyRequest: Equatable, Sendable {
    /// Until when; nil means indefinitely.
    public var until: Date?
    public var reason: String
    /// The duration as typed, for the confirmation ("7d", "forever").
    public var duration: String

    public init(until: Date?, reason: String, duration: String) {
        self.until = until
        self.reason = reason
        self.duration = duration
    }

    public enum Failure: Error, Equatable {
        case missingDuration
        case badDuration(String)
        case missingReason

        public var message: String {
            switch self {
            case .missingDuration: return "give a duration and a reason, e.g. 7d spamming links"
            case .badDuration(let text):
                return "cannot read the duration \(text): use 12h, 7d, 2w, 3m, forever or a date (YYYY-MM-DD)"
            case .missingReason: return "a reason is required after the duration"
            }
        }
    }

    /// Reads `DURATION REASON…` against `now`.
    public static func parse(_ text: String, now: Date = Date()) -> Result<PenaltyRequest, Failure> {
        let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let duration = words.first else { return .failure(.missingDuration) }
        let reason = words.dropFirst().joined(separator: " ")
        guard let end = parseEnd(duration, now: now) else { return .failure(.badDuration(duration)) }
        guard !reason.isEmpty else { return .failure(.missingReason) }
        let until: Date?
        switch end {
        case .forever: until = nil
        case .date(let date): until = date
        }
        return .success(PenaltyRequest(until: until, reason: reason, duration: duration))
    }

    enum End: Equatable {
        case forever
        case date(Date)
    }

    /// nil when the text is not a duration fora reads.
    static func parseEnd(_ text: String, now: Date) -> End? {
        let lowered = text.lowercased()
        if ["forever", "permanent", "indefinitely"].contains(lowered) { return .forever }
        let units: [Character: Double] = [
            "h": 3_600, "d": 86_400, "w": 7 * 86_400, "m": 30 * 86_400, "y": 365 * 86_400,
        ]
        if let unit = lowered.last, let seconds = units[unit], let count = Int(lowered.dropLast()), count > 0 {
            return .date(now.addingTimeInterval(Double(count) * seconds))
        }
        let day = DateFormatter()
        day.locale = Locale(identifier: "en_US_POSIX")
        day.timeZone = TimeZone(identifier: "UTC")
        day.dateFormat = "yyyy-MM-dd"
        if let date = day.date(from: text), date > now { return .date(date) }
        return nil
    }

    /// "for 7d" or "indefinitely", for confirmations and messages.
    public var span: String { until == nil ? "indefinitely" : "for \(duration)" }
}
