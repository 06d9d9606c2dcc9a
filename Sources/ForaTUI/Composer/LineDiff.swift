/// A line-based diff (longest common subsequence), for showing an edit conflict: what the
/// other editor's text has that mine does not, and the other way round.
public enum LineDiff {
    public enum Line: Equatable, Sendable {
        case same(String)
        /// Only in the first text ("theirs").
        case removed(String)
        /// Only in the second text ("mine").
        case added(String)
    }

    /// The most cells the subsequence table may have (4 bytes each). "Theirs" is whatever the
    /// site sent, so its size must not decide how much memory a diff takes: beyond this the
    /// differing middle is shown as all removed, then all added.
    public static let cellBudget = 4_000_000

    public static func diff(_ first: String, _ second: String, cellBudget: Int = cellBudget) -> [Line] {
        let old = first.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let new = second.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Lines both share at the start and at the end need no table.
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix,
            old[old.count - 1 - suffix] == new[new.count - 1 - suffix]
        {
            suffix += 1
        }
        let oldMiddle = old[prefix..<(old.count - suffix)]
        let newMiddle = new[prefix..<(new.count - suffix)]
        var lines = old[..<prefix].map(Line.same)
        let (cells, overflow) = (oldMiddle.count + 1).multipliedReportingOverflow(by: newMiddle.count + 1)
        if overflow || cells > cellBudget {
            lines += oldMiddle.map(Line.removed) + newMiddle.map(Line.added)
        } else {
            lines += middle(Array(oldMiddle), Array(newMiddle))
        }
        lines += old[(old.count - suffix)...].map(Line.same)
        return lines
    }

    private static func middle(_ old: [String], _ new: [String]) -> [Line] {
        // common[i * width + j]: the longest common subsequence of old[i...] and new[j...].
        let width = new.count + 1
        var common = [Int32](repeating: 0, count: (old.count + 1) * width)
        for i in stride(from: old.count - 1, through: 0, by: -1) {
            for j in stride(from: new.count - 1, through: 0, by: -1) {
                common[i * width + j] =
                    old[i] == new[j]
                    ? common[(i + 1) * width + j + 1] + 1 : max(common[(i + 1) * width + j], common[i * width + j + 1])
            }
        }
        var lines: [Line] = []
        var i = 0
        var j = 0
        while i < old.count || j < new.count {
            if i < old.count, j < new.count, old[i] == new[j] {
                lines.append(.same(old[i]))
                i += 1
                j += 1
            } else if j < new.count, i == old.count || common[i * width + j + 1] >= common[(i + 1) * width + j] {
                lines.append(.added(new[j]))
                j += 1
            } else {
                lines.append(.removed(old[i]))
                i += 1
            }
        }
        return lines
    }
}

/// The conflict's diff, computed once per conflict rather than on every frame (the table is
/// O(n·m)); kept while their text and mine stay the same.
final class ConflictDiff {
    let theirs: String
    let mine: String
    let lines: [LineDiff.Line]

    init(theirs: String, mine: String) {
        self.theirs = theirs
        self.mine = mine
        lines = LineDiff.diff(theirs, mine)
    }

    /// `cached` when it is the diff of these texts, else a new one.
    static func of(theirs: String, mine: String, cached: ConflictDiff?) -> ConflictDiff {
        if let cached, cached.theirs == theirs, cached.mine == mine { return cached }
        return ConflictDiff(theirs: theirs, mine: mine)
    }
}
