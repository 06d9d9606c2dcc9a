// ForaStore: fora's offline-first local store, one SQLite database (via GRDB) per account.
//
// What lives here, one folder per job:
//   Store/         opening, paths, error mapping, corruption recovery
//   Schema/        versioned migrations (never edit a shipped migration: add one)
//   Cache/         topics, posts, users, categories and list membership as synced
//   Search/        FTS5 full-text search over titles and post text
//   Local/         what the user did here: read state, drafts, bookmarks, notifications
//   Outbox/        durable writes and the sender that delivers them exactly once
//   Sync/          the incremental, resumable sync engine
//   Housekeeping/  stats, eviction, vacuum, clear
//
// The store names no platform's endpoint: it syncs through ForaCore's `SyncSource` and sends
// through its `OutboxTransport`, which each backend (Sources/Backends/<Platform>) implements.
//
// The screen reads this store, never the network; every write enters the outbox first.
