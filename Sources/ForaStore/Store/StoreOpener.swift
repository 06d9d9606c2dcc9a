import Foundation
import GRDB

/// What happened when a damaged database was replaced: the user is told this.
public struct StoreRecovery: Equatable, Sendable {
    /// Where the damaged file was moved (kept, never deleted).
    public var movedAsideTo: String
    public var reason: String
    public var salvagedDrafts: Int
    public var salvagedOutboxItems: Int

    public var message: String {
        "the local store was damaged (\(reason)); it was moved to \(movedAsideTo) and a fresh one created"
            + " (\(salvagedDrafts) drafts and \(salvagedOutboxItems) unsent writes recovered); run `fora sync`"
    }
}

/// Opens a store, and when SQLite says the file is damaged, moves it aside, starts a fresh
/// one and copies over the drafts and outbox rows SQLite can still read.
public enum StoreOpener {
    public static func open(at path: String) throws -> (store: Store, recovery: StoreRecovery?) {
        do {
            let store = try Store.open(at: path)
            // Touch the schema and the small tables we could not afford to lose, so damage
            // there is found now rather than mid-session.
            _ = try store.read { db in
                try Int.fetchOne(db, sql: "SELECT (SELECT COUNT(*) FROM drafts) + (SELECT COUNT(*) FROM outbox)")
            }
            return (store, nil)
        } catch StoreError.corrupt(let reason) {
            return try recover(at: path, reason: reason)
        }
    }

    /// Moves the file at `path` (with its WAL and shared memory) aside, creates a fresh
    /// store there and salvages what it can. Also for damage found later, mid-session (after
    /// closing the damaged store).
    public static func recover(at path: String, reason: String) throws -> (store: Store, recovery: StoreRecovery?) {
        let stamp = Int(Date().timeIntervalSince1970)
        let aside = "\(path).damaged-\(stamp)"
        let files = FileManager.default
        do {
            try files.moveItem(atPath: path, toPath: aside)
            for suffix in ["-wal", "-shm"] where files.fileExists(atPath: path + suffix) {
                try files.moveItem(atPath: path + suffix, toPath: aside + suffix)
            }
        } catch {
            throw StoreError.database("cannot move the damaged store aside: \(error.localizedDescription)")
        }
        let store = try Store.open(at: path)
        let (drafts, outbox) = salvage(from: aside, into: store)
        return (
            store,
            StoreRecovery(movedAsideTo: aside, reason: reason, salvagedDrafts: drafts, salvagedOutboxItems: outbox)
        )
    }

    /// Copies readable drafts and unsent outbox rows, row by row, stopping a table at the
    /// first unreadable page.
    static func salvage(from damaged: String, into store: Store) -> (drafts: Int, outbox: Int) {
        guard let queue = try? DatabaseQueue(path: damaged, configuration: Store.configuration(readonly: true)) else {
            return (0, 0)
        }
        defer { try? queue.close() }
        let drafts = readRows(queue, sql: "SELECT * FROM drafts")
        let outbox = readRows(queue, sql: "SELECT * FROM outbox WHERE state != 'sent'")
        var saved = (drafts: 0, outbox: 0)
        for row in drafts {
            if (try? store.write({ db in try copy(row, into: "drafts", db) })) != nil { saved.drafts += 1 }
        }
        for row in outbox {
            if (try? store.write({ db in try copy(row, into: "outbox", db) })) != nil { saved.outbox += 1 }
        }
        return saved
    }

    private static func readRows(_ queue: DatabaseQueue, sql: String) -> [Row] {
        var rows: [Row] = []
        try? queue.read { db in
            let cursor = try Row.fetchCursor(db, sql: sql)
            while let row = try cursor.next() { rows.append(row.copy()) }
        }
        return rows
    }

    private static func copy(_ row: Row, into table: String, _ db: Database) throws {
        let names = Array(row.columnNames)
        let columns = names.map { "\"\($0)\"" }.joined(separator: ", ")
        let marks = Array(repeating: "?", count: names.count).joined(separator: ", ")
        try db.execute(
            sql: "INSERT OR IGNORE INTO \(table) (\(columns)) VALUES (\(marks))",
            arguments: StatementArguments(names.map { row[$0] as DatabaseValue }))
    }
}
