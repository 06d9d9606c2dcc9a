import Foundation

/// How long a 429 asks us to wait. Discourse sends `Retry-After` (seconds, or an HTTP date
/// behind some proxies), and in the body either JSON `extras.wait_seconds` (the app and API
/// key limiters) or the per-IP middleware's text "Please retry again in N seconds.".
public enum RetryAfter {
    /// The longest wait believed (a week): a server's number must not overflow our arithmetic.
    public static let ceiling: Double = 7 * 86_400

    public static func seconds(for response: HTTPResponse, now: Date = Date()) -> Double? {
        if let header = response.headers["retry-after"], let wait = parseHeader(header, now: now) { return wait }
        return parseBody(response.body)
    }

    static func clamp(_ seconds: Double) -> Double? {
        seconds.isNaN ? nil : min(ceiling, max(0, seconds))
    }

    /// `"12"` or `"Sun, 06 Nov 1994 08:49:37 GMT"`.
    public static func parseHeader(_ value: String, now: Date = Date()) -> Double? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Double(trimmed), seconds.isFinite { return clamp(seconds) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: trimmed) { return clamp(date.timeIntervalSince(now)) }
        }
        return nil
    }

    /// JSON `{"extras": {"wait_seconds": N}}` or the text "… retry again in N seconds".
    public static func parseBody(_ body: [UInt8]) -> Double? {
        struct Envelope: Decodable {
            struct Extras: Decodable {
                var waitSeconds: Double?
                enum CodingKeys: String, CodingKey { case waitSeconds = "wait_seconds" }
            }
            var extras: Extras?
        }
        if let envelope = try? JSONDecoder().decode(Envelope.self, from: Data(body)),
            let wait = envelope.extras?.waitSeconds
        {
            return clamp(wait)
        }
        let text = String(decoding: body.prefix(2000), as: UTF8.self)
        guard let range = text.range(of: #"in (\d+) seconds?"#, options: .regularExpression) else { return nil }
        let digits = text[range].filter(\.isNumber)
        return Double(String(digits)).flatMap(clamp)
    }
}
