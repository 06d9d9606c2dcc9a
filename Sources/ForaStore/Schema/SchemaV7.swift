import GRDB

/// v7: an outbox item is claimed before it is sent, so two fora processes on one store (the
/// interface and `fora outbox send`, or two scripts) never send the same write twice. The
/// claim names its holder (`lease_owner`: host, process and sender) and lasts until
/// `lease_expires_at`; a live claim is never taken over, an expired one (or one whose process
/// is gone) is. Rows from before have no claim, as if their sender had died.
enum SchemaV7 {
    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE outbox ADD COLUMN lease_owner TEXT;
                ALTER TABLE outbox ADD COLUMN lease_expires_at REAL;
                """)
    }
}
