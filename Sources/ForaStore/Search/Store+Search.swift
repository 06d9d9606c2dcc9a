import GRDB

/// One search result: a post whose text matched, or a topic whose title did.
public struct SearchHit: Equatable, Sendable {
    public var topicID: Int
    public var topicTitle: String
    /// nil for a title match.
    public var postNumber: Int?
    public var username: String?
    /// The matching passage, with the matched terms between the markers.
    public var snippet: String
    /// bm25 score: lower is better (SQLite's convention).
    public var rank: Double
}

/// How matched terms are marked in snippets; the TUI picks markers it then styles.
public struct SnippetMarkers: Sendable {
    public var open: String
    public var close: String
    public init(open: String, close: String) {
        self.open = open
        self.close = close
    }
    public static let brackets = SnippetMarkers(open: "[", close: "]")
}

/// Full-text search over the store (FTS5, bm25, snippets): no `LIKE '%q%'` scan anywhere.
extension Store {
    /// Title hits weigh more than body hits (their bm25 is doubled) and come first on a tie.
    ///
    /// bm25 must score every match before the best can be picked, which for a word found in
    /// most of a million posts takes a second. So a broad query (more than `rankingWindow`
    /// matches) ranks only its most recent `rankingWindow` matches (Discourse ids grow with
    /// time); a specific query ranks all of them.
    public func search(
        _ text: String, limit: Int = 20, markers: SnippetMarkers = .brackets, prefixLastWord: Bool = false,
        rankingWindow: Int = 5_000
    ) throws -> [SearchHit] {
        guard let query = SearchQuery.fts(text, prefixLastWord: prefixLastWord) else { return [] }
        return try read { db in
            let topicFloor = try Self.rankingFloor("topic_fts", query: query, window: rankingWindow, db)
            let postFloor = try Self.rankingFloor("post_fts", query: query, window: rankingWindow, db)
            // The ranking and the LIMIT happen inside FTS5 (`ORDER BY rank`), so snippets,
            // highlights and joins are computed for the best rows only, not for every match.
            let titleRows = try Row.fetchAll(
                db,
                sql: """
                    SELECT t.id, t.title, hit.marked, hit.score * 2.0 AS score FROM (
                        SELECT rowid, highlight(topic_fts, 0, ?, ?) AS marked, rank AS score FROM topic_fts
                        WHERE topic_fts MATCH ? AND rowid >= ? ORDER BY rank LIMIT ?) AS hit
                    JOIN topics t ON t.id = hit.rowid ORDER BY hit.score
                    """,
                arguments: [markers.open, markers.close, query, topicFloor, limit])
            let postRows = try Row.fetchAll(
                db,
                sql: """
                    SELECT p.topic_id, p.post_number, p.username, t.title, hit.marked, hit.score FROM (
                        SELECT rowid, snippet(post_fts, 0, ?, ?, '…', 16) AS marked, rank AS score FROM post_fts
                        WHERE post_fts MATCH ? AND rowid >= ? ORDER BY rank LIMIT ?) AS hit
                    JOIN posts p ON p.id = hit.rowid JOIN topics t ON t.id = p.topic_id ORDER BY hit.score
                    """,
                arguments: [markers.open, markers.close, query, postFloor, limit])
            let titles = titleRows.map { row in
                SearchHit(
                    topicID: row["id"], topicTitle: row["title"], postNumber: nil, username: nil,
                    snippet: row["marked"], rank: row["score"])
            }
            let posts = postRows.map { row in
                SearchHit(
                    topicID: row["topic_id"], topicTitle: row["title"], postNumber: row["post_number"],
                    username: row["username"], snippet: row["marked"], rank: row["score"])
            }
            let merged = (titles + posts).enumerated().sorted { left, right in
                left.element.rank != right.element.rank
                    ? left.element.rank < right.element.rank : left.offset < right.offset
            }
            return merged.prefix(limit).map(\.element)
        }
    }

    /// How many posts match (for "N results"; counted apart, as bm25 and snippets cannot
    /// share a query with a window function).
    public func searchMatchCount(_ text: String) throws -> Int {
        guard let query = SearchQuery.fts(text) else { return 0 }
        return try read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM post_fts WHERE post_fts MATCH ?", arguments: [query]) ?? 0
        }
    }

    /// The lowest rowid worth ranking: that of the `window`-th most recent match, or 0 when
    /// there are fewer matches (walking the doclist backwards costs no ranking).
    static func rankingFloor(_ table: String, query: String, window: Int, _ db: Database) throws -> Int64 {
        try Int64.fetchOne(
            db, sql: "SELECT rowid FROM \(table) WHERE \(table) MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?",
            arguments: [query, max(0, window - 1)]) ?? 0
    }
}
