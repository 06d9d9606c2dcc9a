import ForaCore
import Foundation
import GRDB

/// One account's local database. Reads never wait for writes (WAL through a `DatabasePool`);
/// every public method maps SQLite failures to `StoreError`.
public final class Store: Sendable {
    public let path: String
    let pool: DatabasePool

    init(path: String, pool: DatabasePool) {
        self.path = path
        self.pool = pool
    }

    /// Opens (creating if needed) and migrates the database at `path`. Damage surfaces as
    /// `StoreError.corrupt`; `StoreOpener.open` recovers from it.
    public static func open(at path: String) throws -> Store {
        try StoreError.mapping {
            try makePrivate(path)
            let pool = try DatabasePool(path: path, configuration: configuration())
            try StoreSchema.migrator.migrate(pool)
            return Store(path: path, pool: pool)
        }
    }

    /// The store holds private messages, drafts and the review queue: its directory is 0700
    /// and the database 0600 before SQLite opens it (SQLite gives the WAL and shared-memory
    /// files the database's mode); files and a directory left more open by an older fora are
    /// tightened.
    static func makePrivate(_ path: String) throws {
        do {
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty { try PrivateDirectory.ensure(directory) }
            try PrivateFile.prepare(path, companions: [path + "-wal", path + "-shm"])
        } catch let error as ForaError {
            throw StoreError.database(error.message)
        }
    }

    static func configuration(readonly: Bool = false) -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.readonly = readonly
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            // WAL + NORMAL survives a process crash (kill -9, lost ssh) without an fsync per
            // keystroke; only a power cut may lose the last transactions.
            if !db.configuration.readonly {
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
            try db.execute(sql: "PRAGMA cache_size = -8000")
        }
        return configuration
    }

    /// A write transaction, with errors mapped.
    func write<T: Sendable>(_ body: (Database) throws -> T) throws -> T {
        try StoreError.mapping { try pool.write(body) }
    }

    /// A read, with errors mapped.
    func read<T: Sendable>(_ body: (Database) throws -> T) throws -> T {
        try StoreError.mapping { try pool.read(body) }
    }

    /// The schema version (the last applied migration).
    public func schemaVersion() throws -> String? {
        try read { db in try StoreSchema.migrator.appliedMigrations(db).last }
    }

    /// Folds the WAL into the main file and closes every connection; later calls fail.
    public func close() throws {
        try StoreError.mapping {
            _ = try pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
            try pool.close()
        }
    }
}

extension StoreError {
    /// Runs `body`, turning SQLite's result codes into the user's errors.
    static func mapping<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            throw StoreError(error)
        }
    }

    init(_ error: DatabaseError) {
        switch error.resultCode {
        case .SQLITE_FULL: self = .diskFull
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: self = .corrupt(error.message ?? "\(error.resultCode)")
        default: self = .database(error.message ?? "\(error.resultCode)")
        }
    }
}
