import GRDB

/// The site and account this database belongs to (one row).
public struct StoredSite: Equatable, Sendable {
    public var baseURL: String
    public var username: String?
    public var title: String?

    public init(baseURL: String, username: String?, title: String?) {
        self.baseURL = baseURL
        self.username = username
        self.title = title
    }
}

extension Store {
    public func saveSite(_ site: StoredSite) throws {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO site (id, base_url, username, title) VALUES (1, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET base_url = excluded.base_url, username = excluded.username,
                        title = excluded.title
                    """,
                arguments: [site.baseURL, site.username, site.title])
        }
    }

    public func site() throws -> StoredSite? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM site WHERE id = 1").map {
                StoredSite(baseURL: $0["base_url"], username: $0["username"], title: $0["title"])
            }
        }
    }
}
