import ForaCore
import GRDB
import XCTest

@testable import ForaStore

final class StoreOpensTests: StoreTestCase {
    func testOpensAtLatestVersionInWALWithForeignKeys() throws {
        XCTAssertEqual(try store.schemaVersion(), StoreSchema.versions.last)
        let (mode, keys) = try store.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA foreign_keys"))
        }
        XCTAssertEqual(mode, "wal")
        XCTAssertEqual(keys, 1)
    }

    func testPathIsPerAccountUnderXDGDataHome() {
        let paths = XDGPaths(environment: ["HOME": "/home/u", "XDG_DATA_HOME": "/data"])
        XCTAssertEqual(
            StoreLocation.databasePath(baseURL: "https://forum.example.org", username: "alice", paths: paths),
            "/data/fora/alice@forum.example.org.sqlite")
        XCTAssertEqual(
            StoreLocation.databasePath(baseURL: "http://127.0.0.1:4200", username: nil, paths: paths),
            "/data/fora/anonymous@127.0.0.1_4200.sqlite")
        XCTAssertEqual(
            StoreLocation.databasePath(baseURL: "https://f.org", username: "../evil", paths: paths),
            "/data/fora/.._evil@f.org.sqlite")
    }

    func testReopeningKeepsData() throws {
        try fill(topics: 2)
        try store.close()
        store = try Store.open(at: path)
        XCTAssertEqual(try store.topics(inList: "latest").map(\.topic.id), [1, 2])
    }
}
