/// Integers written by a poster (`<ol start>`, `<li value>`, a poll's vote counts) read so that
/// none can trap or size anything.
///
/// A number in a post is the poster's to choose: `start="9223372036854775807"` plus one more
/// item overflowed, and overflow traps in Swift, so one post crashed every reader of its
/// topic. Values are parsed the way HTML's "rules for parsing integers" read them (leading
/// white space, an optional sign, the digits up to the first non-digit) and saturate at
/// `bound` instead of failing, so arithmetic on them in `Int` cannot overflow.
public enum DocumentInteger {
    /// Browsers keep list numbers in 32 bits; so does fora, which also keeps list markers
    /// (at most 11 characters and a dot) from swallowing a narrow pane.
    public static let bound = Int(Int32.max)

    /// The integer at the start of `text`, clamped to `-bound...bound`; nil without digits.
    public static func parse(_ text: String?) -> Int? {
        guard let text else { return nil }
        var scalars = Substring(text).unicodeScalars.drop {
            $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}"
        }
        var negative = false
        if let sign = scalars.first, sign == "-" || sign == "+" {
            negative = sign == "-"
            scalars = scalars.dropFirst()
        }
        var magnitude = 0
        var digits = 0
        for scalar in scalars {
            guard ("0"..."9").contains(scalar) else { break }
            digits += 1
            // Once past the bound more digits change nothing: the value stays saturated.
            if magnitude <= bound { magnitude = magnitude * 10 + Int(scalar.value - 0x30) }
        }
        guard digits > 0 else { return nil }
        let clamped = min(magnitude, bound)
        return negative ? -clamped : clamped
    }

    /// `value` clamped to `-bound...bound` (a number that came already parsed, as from JSON).
    public static func clamp(_ value: Int) -> Int { min(max(value, -bound), bound) }

    /// `a + b` that sticks at `Int.max`/`Int.min` instead of trapping.
    public static func saturatingAdd(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        guard overflow else { return sum }
        return b > 0 ? Int.max : Int.min
    }
}
