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
    /// most of a million posts takes a second. So each table ranks only its most recent
    /// `rankingWindow` matches (Discourse ids grow with time): all of them for a specific
    /// query, the newest for a broad one. That is one pass over the index per table (the
    /// newest matches, scored), then the best `limit` of titles and posts together are
    /// picked, and only those get a highlighted snippet (a second, short pass).
    public func search(
        _ text: String, limit: Int = 20, markers: SnippetMarkers = .brackets, prefixLastWord: Bool = false,
        rankingWindow: Int = 2_000
    ) throws -> [SearchHit] {
        guard let query = SearchQuery.fts(text, prefixLastWord: prefixLastWord), limit > 0 else { return [] }
        return try read { db in
            let titles = try Self.newestScored("topic_fts", query: query, window: rankingWindow, db)
            let posts = try Self.newestScored("post_fts", query: query, window: rankingWindow, db)
            let candidates =
                titles.map { (rowid: $0.rowid, score: $0.score * 2.0, isTitle: true) }
                + posts.map { (rowid: $0.rowid, score: $0.score, isTitle: false) }
            let best = candidates.enumerated().sorted { left, right in
                left.element.score != right.element.score
                    ? left.element.score < right.element.score : left.offset < right.offset
            }.prefix(limit).map(\.element)
            let titleHits = try Self.titleHits(
                best.filter(\.isTitle).map(\.rowid), query: query, markers: markers, db)
            let postHits = try Self.postHits(
                best.filter { !$0.isTitle }.map(\.rowid), query: query, markers: markers, db)
            return best.compactMap { candidate in
                let hit = candidate.isTitle ? titleHits[candidate.rowid] : postHits[candidate.rowid]
                return hit.map { found in
                    var hit = found
                    hit.rank = candidate.score
                    return hit
                }
            }
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

    /// The newest `window` matches of `table` with their bm25 scores, in one pass that walks
    /// the doclist backwards (so a broad query stops after `window` rows).
    static func newestScored(_ table: String, query: String, window: Int, _ db: Database) throws
        -> [(rowid: Int64, score: Double)]
    {
        let statement = try db.cachedStatement(
            sql: "SELECT rowid, rank FROM \(table) WHERE \(table) MATCH ? ORDER BY rowid DESC LIMIT ?")
        return try Row.fetchAll(statement, arguments: [query, max(1, window)]).map { ($0[0], $0[1]) }
    }

    /// Highlighted titles of the chosen topics, keyed by topic id.
    static func titleHits(_ ids: [Int64], query: String, markers: SnippetMarkers, _ db: Database) throws
        -> [Int64: SearchHit]
    {
        guard let low = ids.min(), let high = ids.max() else { return [:] }
        let wanted = Set(ids)
        var hits: [Int64: SearchHit] = [:]
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT t.id, t.title, \(chosen(ids, in: "topic_fts", "highlight(topic_fts, 0, ?, ?)")) AS marked FROM topic_fts
                JOIN topics t ON t.id = topic_fts.rowid
                WHERE topic_fts MATCH ? AND topic_fts.rowid BETWEEN ? AND ?
                """,
            arguments: [markers.open, markers.close, query, low, high])
        while let row = try rows.next() {
            let id: Int64 = row["id"]
            guard wanted.contains(id), let marked: String = row["marked"] else { continue }
            hits[id] = SearchHit(
                topicID: row["id"], topicTitle: row["title"], postNumber: nil, username: nil, snippet: marked, rank: 0)
        }
        return hits
    }

    /// Snippets of the chosen posts, keyed by post id.
    static func postHits(_ ids: [Int64], query: String, markers: SnippetMarkers, _ db: Database) throws
        -> [Int64: SearchHit]
    {
        guard let low = ids.min(), let high = ids.max() else { return [:] }
        let wanted = Set(ids)
        var hits: [Int64: SearchHit] = [:]
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT post_fts.rowid AS id, \(chosen(ids, in: "post_fts", "snippet(post_fts, 0, ?, ?, '…', 16)")) AS marked
                FROM post_fts WHERE post_fts MATCH ? AND post_fts.rowid BETWEEN ? AND ?
                """,
            arguments: [markers.open, markers.close, query, low, high])
        var marked: [Int64: String] = [:]
        while let row = try rows.next() {
            let id: Int64 = row["id"]
            if wanted.contains(id), let text: String = row["marked"] { marked[id] = text }
        }
        guard !marked.isEmpty else { return [:] }
        let joined = try Row.fetchAll(
            db,
            sql: """
                SELECT p.id, p.topic_id, p.post_number, p.username, t.title FROM posts p
                JOIN topics t ON t.id = p.topic_id WHERE p.id IN (\(marked.keys.map(String.init).joined(separator: ",")))
                """)
        for row in joined {
            let id: Int64 = row["id"]
            guard let text = marked[id] else { continue }
            hits[id] = SearchHit(
                topicID: row["topic_id"], topicTitle: row["title"], postNumber: row["post_number"],
                username: row["username"], snippet: text, rank: 0)
        }
        return hits
    }

    /// `expression` for the chosen rows only, NULL for the others between them: SQLite
    /// evaluates a CASE lazily, so snippets are made for the chosen rows alone.
    private static func chosen(_ ids: [Int64], in table: String, _ expression: String) -> String {
        "CASE WHEN \(table).rowid IN (\(ids.map(String.init).joined(separator: ","))) THEN \(expression) END"
    }
}
