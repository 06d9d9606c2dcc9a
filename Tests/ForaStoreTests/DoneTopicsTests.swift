import Foundation
import XCTest

@testable import ForaStore

final class DoneTopicsTests: XCTestCase {
    func testADoneTopicComesBackWithANewReply() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fora-done-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let (store, _) = try StoreOpener.open(at: directory.appendingPathComponent("store.sqlite").path)
        try store.markDone(topicID: 7, highestPostNumber: 3)
        let marks = try store.doneTopics()
        XCTAssertEqual(marks, [7: 3])
        XCTAssertTrue(store.isDone(topicID: 7, highestPostNumber: 3, marks: marks))
        XCTAssertFalse(store.isDone(topicID: 7, highestPostNumber: 4, marks: marks), "a new reply brings it back")
        XCTAssertFalse(store.isDone(topicID: 8, highestPostNumber: 1, marks: marks))
        try store.markDone(topicID: 7, highestPostNumber: 4)
        XCTAssertEqual(try store.doneTopics(), [7: 4])
        try store.unmarkDone(topicID: 7)
        XCTAssertEqual(try store.doneTopics(), [:])
    }
}
