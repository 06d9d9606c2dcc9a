import Foundation
import XCTest

@testable import ForaStore

/// The store (private messages, drafts, the review queue) is readable by its owner only.
final class StorePermissionsTests: StoreTestCase {
    private func mode(_ path: String) -> Int {
        var info = stat()
        XCTAssertEqual(lstat(path, &info), 0, path)
        return Int(info.st_mode & 0o777)
    }

    func testANewStoreIsPrivateWithItsWALAndSharedMemory() throws {
        try store.saveDraft(Draft(key: "topic_1", body: "private words"))
        XCTAssertEqual(mode(directory), 0o700)
        XCTAssertEqual(mode(path), 0o600)
        XCTAssertEqual(mode(path + "-wal"), 0o600)
        XCTAssertEqual(mode(path + "-shm"), 0o600)
    }

    func testAStoreLeftOpenByAnOlderForaIsTightened() throws {
        try store.close()
        for file in [path, path + "-wal", path + "-shm"] where FileManager.default.fileExists(atPath: file) {
            chmod(file, 0o644)
        }
        chmod(directory, 0o755)
        store = try Store.open(at: path)
        try store.saveDraft(Draft(key: "topic_2", body: "more"))
        XCTAssertEqual(mode(directory), 0o700)
        XCTAssertEqual(mode(path), 0o600)
        XCTAssertEqual(mode(path + "-wal"), 0o600)
    }
}
