import GRDB

/// The versioned schema. Each migration is a file of its own and, once shipped, never
/// changes: a database made by any earlier fora upgrades by running the ones it lacks
/// (`StoreMigrationTests` upgrades one made at every version).
public enum StoreSchema {
    /// Every version, oldest first.
    public static let versions = [
        "v1-core", "v2-search", "v3-local-state", "v4-eviction", "v5-done-topics", "v6-sync-fidelity",
        "v7-outbox-lease", "v8-site-fidelity", "v9-health",
    ]

    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-core", migrate: SchemaV1.migrate)
        migrator.registerMigration("v2-search", migrate: SchemaV2.migrate)
        migrator.registerMigration("v3-local-state", migrate: SchemaV3.migrate)
        migrator.registerMigration("v4-eviction", migrate: SchemaV4.migrate)
        migrator.registerMigration("v5-done-topics", migrate: SchemaV5.migrate)
        migrator.registerMigration("v6-sync-fidelity", migrate: SchemaV6.migrate)
        migrator.registerMigration("v7-outbox-lease", migrate: SchemaV7.migrate)
        migrator.registerMigration("v8-site-fidelity", migrate: SchemaV8.migrate)
        migrator.registerMigration("v9-health", migrate: SchemaV9.migrate)
        return migrator
    }()

    /// Creates or upgrades the database at `path` only up to `version` (tests of upgrades).
    public static func createDatabase(at path: String, upTo version: String) throws {
        try StoreError.mapping {
            let queue = try DatabaseQueue(path: path, configuration: Store.configuration())
            try migrator.migrate(queue, upTo: version)
            try queue.close()
        }
    }
}
