import Foundation

/// The live character count the composer shows against the site's limits
/// (`min_post_length`, `min_first_post_length`, `max_post_length` from the site settings).
public struct PostLength: Equatable, Sendable {
    public enum Verdict: Equatable, Sendable {
        case tooShort(missing: Int)
        case fine
        case tooLong(excess: Int)
    }

    public let count: Int
    public let minimum: Int
    public let maximum: Int

    /// Discourse counts the raw text with surrounding whitespace stripped, in characters.
    public init(raw: String, minimum: Int, maximum: Int) {
        count = raw.trimmingCharacters(in: .whitespacesAndNewlines).count
        self.minimum = minimum
        self.maximum = maximum
    }

    /// The same count from the composer's characters, without building a string per keystroke.
    public init(characters: [Character], minimum: Int, maximum: Int) {
        var start = 0
        var end = characters.count
        while start < end, characters[start].isWhitespace { start += 1 }
        while end > start, characters[end - 1].isWhitespace { end -= 1 }
        count = end - start
        self.minimum = minimum
        self.maximum = maximum
    }

    public var verdict: Verdict {
        if count < minimum { return .tooShort(missing: minimum - count) }
        if count > maximum { return .tooLong(excess: count - maximum) }
        return .fine
    }

    /// What the composer's status line shows, e.g. `42/32000` or `12/20 (8 more needed)`.
    public var summary: String {
        switch verdict {
        case .fine: return "\(count)/\(maximum)"
        case .tooShort(let missing): return "\(count)/\(maximum) (\(missing) more needed)"
        case .tooLong(let excess): return "\(count)/\(maximum) (\(excess) too many)"
        }
    }
}
