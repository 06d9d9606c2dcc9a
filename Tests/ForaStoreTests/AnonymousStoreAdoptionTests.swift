import ForaCore
import Foundation
import XCTest

@testable import ForaStore

/// A `fora login` account's store made before fora recorded usernames (`anonymous@host`)
/// becomes the account's own, with its unsent writes.
final class AnonymousStoreAdoptionTests: XCTestCase {
    func testTheAnonymousStoreMovesToTheAccountOnce() throws {
        let home = NSTemporaryDirectory() + "fora-adopt-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: home) }
        let paths = XDGPaths(environment: ["HOME": home])
        let site = "http://127.0.0.1:8766"
        let anonymous = StoreLocation.databasePath(baseURL: site, username: nil, paths: paths)
        let old = try Store.open(at: anonymous)
        let queued = try old.enqueue(.reply(topicID: 4, raw: "written before the upgrade", replyToPostNumber: nil))
        try old.close()

        let moved = try StoreLocation.adoptAnonymousStore(baseURL: site, username: "alice", paths: paths)
        XCTAssertTrue(moved?.contains("alice@127.0.0.1_8766.sqlite") == true, moved ?? "")
        XCTAssertFalse(FileManager.default.fileExists(atPath: anonymous))
        let adopted = try Store.open(
            at: StoreLocation.databasePath(baseURL: site, username: "alice", paths: paths))
        XCTAssertEqual(try adopted.outboxItem(id: queued.id).action, queued.action)
        try adopted.close()
        // Done once: a later anonymous store (anonymous reading) stays where it is.
        try Store.open(at: anonymous).close()
        XCTAssertNil(try StoreLocation.adoptAnonymousStore(baseURL: site, username: "alice", paths: paths))
        XCTAssertTrue(FileManager.default.fileExists(atPath: anonymous))
    }
}
