import Foundation
import GRDB

/// What `fora doctor` reports about one store file, read without migrating or writing it.
public struct StoreDiagnosis: Sendable, Equatable {
    public var path: String
    /// The database file with its write-ahead log, in bytes.
    public var bytes: Int64
    /// `PRAGMA integrity_check`'s lines: exactly `["ok"]` for a sound file.
    public var integrity: [String]
    /// The schema versions applied to the file, in order.
    public var appliedVersions: [String]

    /// Versions this fora knows but the file does not have yet (applied on its next open).
    public var pendingVersions: [String] { StoreSchema.versions.filter { !appliedVersions.contains($0) } }
    /// Versions in the file that this fora does not know: a newer fora wrote it.
    public var unknownVersions: [String] { appliedVersions.filter { !StoreSchema.versions.contains($0) } }
    public var isSound: Bool { integrity == ["ok"] }

    /// The SQLite library fora runs with, e.g. `3.40.1`.
    public static func sqliteVersion() -> String {
        (try? DatabaseQueue().read { db in try String.fetchOne(db, sql: "SELECT sqlite_version()") }) ?? "unknown"
    }

    /// Opens `path` read-only and checks it; a file SQLite cannot open at all throws.
    public static func examine(path: String) throws -> StoreDiagnosis {
        let attributes = { (file: String) -> Int64 in
            ((try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? NSNumber)?.int64Value ?? 0
        }
        let queue = try DatabaseQueue(path: path, configuration: Store.configuration(readonly: true))
        defer { try? queue.close() }
        return try queue.read { db in
            // At most 20 lines: a badly damaged file can report thousands.
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check(20)")
            let applied =
                try db.tableExists("grdb_migrations")
                ? try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid") : []
            return StoreDiagnosis(
                path: path, bytes: attributes(path) + attributes(path + "-wal"), integrity: integrity,
                appliedVersions: applied)
        }
    }
}
