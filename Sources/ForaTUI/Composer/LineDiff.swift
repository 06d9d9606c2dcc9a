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

    public static func diff(_ first: String, _ second: String) -> [Line] {
        let old = first.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let new = second.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // common[i][j]: the longest common subsequence of old[i...] and new[j...].
        var common = Array(repeating: Array(repeating: 0, count: new.count + 1), count: old.count + 1)
        for i in stride(from: old.count - 1, through: 0, by: -1) {
            for j in stride(from: new.count - 1, through: 0, by: -1) {
                common[i][j] = old[i] == new[j] ? common[i + 1][j + 1] + 1 : max(common[i + 1][j], common[i][j + 1])
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
            } else if j < new.count, i == old.count || common[i][j + 1] >= common[i + 1][j] {
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
