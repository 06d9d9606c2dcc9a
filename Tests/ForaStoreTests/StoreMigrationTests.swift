import ForaCore
import Foundation
import GRDB
import XCTest

@testable import ForaStore

/// A database made by every earlier fora upgrades to the current schema with its data.
final class StoreMigrationTests: StoreTestCase {
    func testUpgradesFromEveryEarlierVersion() throws {
        let fresh = try schema(of: store)
        for version in StoreSchema.versions.dropLast() {
            let old = directory + "/at-\(version).sqlite"
            try StoreSchema.createDatabase(at: old, upTo: version)
            // Data every version can hold (v1 tables).
            let queue = try DatabaseQueue(path: old)
            try queue.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO topics (id, title, highest_post_number) VALUES (7, 'Lighthouse calibration', 1);
                        INSERT INTO topics (id, title, highest_post_number, posts_count, synced_post_number)
                            VALUES (8, 'Fully synced before the upgrade', 2, 2, 2);
                        INSERT INTO posts (id, topic_id, post_number, cooked, plain_text)
                            VALUES (70, 7, 1, '<p>aurora borealis</p>', 'aurora borealis');
                        INSERT INTO drafts (key, body, updated_at) VALUES ('topic_7', 'half a reply', 1);
                        INSERT INTO outbox (kind, payload, created_at, updated_at)
                            VALUES ('like', '{"like":{"postID":70}}', 1, 1);
                        """)
                // A store made at v6 or later: sync recorded the synced post count too.
                if try db.columns(in: "topics").contains(where: { $0.name == "synced_posts_count" }) {
                    try db.execute(sql: "UPDATE topics SET synced_posts_count = 2 WHERE id = 8")
                }
            }
            try queue.close()

            let upgraded = try Store.open(at: old)
            XCTAssertEqual(try upgraded.schemaVersion(), StoreSchema.versions.last, version)
            XCTAssertEqual(try schema(of: upgraded), fresh, "schema after upgrading from \(version)")
            XCTAssertEqual(try upgraded.search("aurora").map(\.topicID), [7], "posts indexed after \(version)")
            XCTAssertEqual(try upgraded.search("lighthouse").first?.postNumber, nil)
            XCTAssertEqual(try upgraded.draft(key: "topic_7")?.body, "half a reply")
            XCTAssertEqual(try upgraded.outboxItems().map(\.action), [.like(postID: 70, topicID: nil)])
            // v7: an item from before has no claim, so a sender may take it.
            XCTAssertNotNil(
                try upgraded.claimOutboxItem(
                    id: 1, for: OutboxClaimant(), until: Date().addingTimeInterval(60), now: Date()), version)
            // v6: a topic synced before it needs no refetch, and an edited post is re-indexed.
            let beforeV6 =
                try XCTUnwrap(StoreSchema.versions.firstIndex(of: version))
                < StoreSchema.versions.firstIndex(of: "v6-sync-fidelity") ?? 0
            if beforeV6 { XCTAssertEqual(try upgraded.topicsNeedingPosts(among: [8]).map(\.id), [], version) }
            try upgraded.savePosts([
                StoredPost(id: 70, topicID: 7, postNumber: 1, username: "", cooked: "<p>nebula</p>", version: 2)
            ])
            XCTAssertEqual(try upgraded.search("nebula").map(\.topicID), [7], version)
            XCTAssertEqual(try upgraded.search("aurora"), [], version)
            XCTAssertThrowsError(try upgraded.syncedNotifications(), "never synced: \(version)")
            // v8: rows from before the site-fidelity columns read as a regular topic and a
            // plain, unread post by a user without badges.
            let v8 = try upgraded.read { db in
                try String.fetchOne(
                    db,
                    sql: """
                        SELECT quote(t.archetype) || ' ' || quote(t.accepted_answer_post_number) || ' '
                            || t.archived || ' ' || t.visible || ' ' || quote(t.pinned_until) || ' '
                            || quote(p.deleted_at) || ' ' || p.hidden || ' ' || p.wiki || ' '
                            || quote(p.action_code) || ' ' || p.staff || ' ' || quote(p.trust_level) || ' ' || p.read
                        FROM topics t JOIN posts p ON p.topic_id = t.id WHERE t.id = 7
                        """)
            }
            XCTAssertEqual(v8, "'regular' NULL 0 1 NULL NULL 0 0 NULL 0 NULL 0", version)
            XCTAssertEqual(try upgraded.integrityProblems(), [])
            try upgraded.close()
        }
    }

    func testEveryVersionIsRegisteredInOrder() {
        XCTAssertEqual(StoreSchema.migrator.migrations, StoreSchema.versions)
        XCTAssertEqual(StoreSchema.versions.first, "v1-core")
    }

    private func schema(of store: Store) throws -> [String] {
        try store.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT type || ' ' || name || ': ' || COALESCE(sql, '') FROM sqlite_master
                    WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name
                    """)
        }
    }
}
