import Foundation

/// A strict, allocation-free reader of the timestamps Discourse sends:
/// `YYYY-MM-DDTHH:MM:SS`, optional fractional seconds (any number of digits), then `Z` or an
/// offset `±HH:MM` (or `±HHMM`). Fields are range-checked (month, day of that month, leap
/// years, hours, minutes, seconds). It replaces two `ISO8601DateFormatter`s per call: a sync
/// reads a date for every post, and the formatters cost more than decoding the post.
public enum ISO8601Timestamp {
    public static func parse(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { parse(bytes: $0) }
    }

    static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        var cursor = Cursor(bytes: bytes)
        guard let year = cursor.number(digits: 4), cursor.skip("-"),
            let month = cursor.number(digits: 2), cursor.skip("-"),
            let day = cursor.number(digits: 2), cursor.skip("T"),
            let hour = cursor.number(digits: 2), cursor.skip(":"),
            let minute = cursor.number(digits: 2), cursor.skip(":"),
            let second = cursor.number(digits: 2)
        else { return nil }
        guard (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day), hour < 24, minute < 60,
            second < 60
        else { return nil }
        var fraction = 0.0
        if cursor.skip(".") {
            guard let value = cursor.fraction() else { return nil }
            fraction = value
        }
        guard let offset = cursor.zoneOffset(), cursor.atEnd else { return nil }
        let days = daysSinceEpoch(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        var atEnd: Bool { index == bytes.count }

        mutating func skip(_ character: Unicode.Scalar) -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
            index += 1
            return true
        }

        mutating func number(digits: Int) -> Int? {
            guard index + digits <= bytes.count else { return nil }
            var value = 0
            for _ in 0..<digits {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
                index += 1
            }
            return value
        }

        /// The digits after the decimal point, as a fraction of a second (at least one digit).
        mutating func fraction() -> Double? {
            var value = 0.0
            var scale = 1.0
            let start = index
            while index < bytes.count, bytes[index] &- UInt8(ascii: "0") < 10 {
                if scale > 1e-9 {  // digits past nanoseconds change nothing a Double keeps
                    scale /= 10
                    value += Double(bytes[index] - UInt8(ascii: "0")) * scale
                }
                index += 1
            }
            return index > start ? value : nil
        }

        /// Seconds east of UTC: `Z` is 0, `+02:00` is 7200.
        mutating func zoneOffset() -> Int? {
            if skip("Z") { return 0 }
            let sign: Int
            if skip("+") {
                sign = 1
            } else if skip("-") {
                sign = -1
            } else {
                return nil
            }
            guard let hours = number(digits: 2) else { return nil }
            _ = skip(":")
            guard let minutes = number(digits: 2), hours < 24, minutes < 60 else { return nil }
            return sign * (hours * 3600 + minutes * 60)
        }
    }
}
