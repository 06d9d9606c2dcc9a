import DemoCommunity
import DemoServer
import DiscourseBackend
import ForaCore
import Foundation
import GRDB
import XCTest

@testable import ForaStore

/// What sync keeps beyond the text, so a stored topic says what the site says: the accepted
/// answer, small actions, deleted and hidden posts (as staff see them), the authors' badges,
/// topic states and the account's reading position.
final class SiteFidelitySyncTests: DemoServerStoreTestCase {
    /// The demo's topic titled `title`, with its accepted answer.
    private func demoTopic(_ title: String) throws -> (id: Int, accepted: Int?) {
        let found = server.state.read { data, _ in
            data.topics.values.first { $0.title == title }.map { ($0.id, $0.acceptedAnswerPostNumber) }
        }
        return try XCTUnwrap(found, "the demo has \(title)")
    }

    private func firstSolvedTopic() throws -> Int {
        try XCTUnwrap(
            server.state.read { data, _ in
                data.topics.values.filter { $0.acceptedAnswerPostNumber != nil && !$0.isPrivateMessage }
                    .min { $0.id < $1.id }.map(\.id)
            })
    }

    private func sync(_ topicID: Int, as username: String, into target: Store? = nil) async throws {
        let store = target ?? self.store!
        let source = DiscourseSyncSource(http: LoopbackHTTP.discourse(box, username: username))
        // As a list would have listed it first.
        try store.saveTopics([try await source.topicStream(topicID: topicID).summary])
        let engine = SyncEngine(store: store, source: source)
        try await withDeadline {
            try await engine.syncTopic(TopicWork(id: topicID, missingEstimate: 0, wasSynced: false), report: { _ in })
        }
    }

    func testTheAcceptedAnswerIsKeptWithWhoseAnswerItIs() async throws {
        let solved = try firstSolvedTopic()
        try await sync(solved, as: "alice")
        let states = try store.topicStates(id: solved)
        let expected = try XCTUnwrap(server.state.read { data, _ in data.topics[solved]?.acceptedAnswerPostNumber })
        XCTAssertEqual(states.acceptedAnswerPostNumber, expected)
        let author = try store.posts(topicID: solved, limit: 100).first { $0.postNumber == expected }?.username
        XCTAssertEqual(states.acceptedAnswerUsername, author)
        let detail = try store.topicDetail(id: solved)
        XCTAssertEqual(detail.acceptedAnswerPostNumber, expected)
        XCTAssertEqual(detail.posts.filter(\.acceptedAnswer).map(\.postNumber), [expected])

        // Unaccepted on the site: the next visit clears it.
        try store.setAcceptedAnswer(topicID: solved, postNumber: nil)
        XCTAssertNil(try store.topicStates(id: solved).acceptedAnswerPostNumber)
        XCTAssertEqual(try store.topicsNeedingPosts(among: [solved]).map(\.id), [], "the list row still says solved")
    }

    func testASolvedTopicSyncedWithoutItsAnswerIsVisitedAgain() async throws {
        let solved = try firstSolvedTopic()
        try await sync(solved, as: "alice")
        // As a store synced before v8 holds it: solved, but which post is not known.
        try store.write { (db: Database) -> Void in
            try db.execute(
                sql: "UPDATE topics SET accepted_answer_post_number = NULL WHERE id = ?", arguments: [solved])
        }
        XCTAssertEqual(try store.topicsNeedingPosts(among: [solved]).map(\.id), [solved])
    }

    func testAClosedTopicKeepsItsStateAndItsSmallAction() async throws {
        let closed = try demoTopic("Charged twice this month").id
        try await sync(closed, as: "alice")
        XCTAssertTrue(try store.topic(id: closed).topic.closed)
        let posts = try store.posts(topicID: closed, limit: 200)
        let action = try XCTUnwrap(posts.first { $0.postType == 3 }, "the demo's closing small action")
        XCTAssertEqual(action.actionCode, "closed.enabled")
        XCTAssertEqual(action.username, "moderator")
        XCTAssertTrue(action.author.moderator, "the moderator's badge is kept")
        XCTAssertTrue(action.author.staff)
        XCTAssertNotNil(action.author.trustLevel)
        let detail = try store.topicDetail(id: closed)
        XCTAssertTrue(detail.closed)
        XCTAssertEqual(detail.posts.last?.actionCode, "closed.enabled")
        XCTAssertTrue(detail.posts.last?.moderator ?? false)

        let archived = try demoTopic("Can I use Lumen without an account?").id
        try await sync(archived, as: "alice")
        XCTAssertTrue(try store.topicStates(id: archived).archived)
    }

    func testADeletedPostIsKeptMarkedForStaffAndLeftOutOfSearch() async throws {
        let topic = try demoTopic("Deleted files keep coming back").id
        try await sync(topic, as: "moderator")
        let deleted = try XCTUnwrap(try store.posts(topicID: topic, limit: 200).first { $0.deletedAt != nil })
        XCTAssertEqual(deleted.plainText, "", "kept out of the search index")
        XCTAssertEqual(
            try store.topicDetail(id: topic).posts.first { $0.id == deleted.id }?.deletedAt, deleted.deletedAt)

        // A member never sees it: it is not stored for them.
        let member = try Store.open(at: directory + "/member.sqlite")
        try await sync(topic, as: "bob", into: member)
        XCTAssertFalse(try member.posts(topicID: topic, limit: 200).contains { $0.id == deleted.id })
        try member.close()
    }

    func testTheSitesReadingPositionAndReadPostsAreKept() async throws {
        // The demo's alice has read some topics part of the way.
        let partly = try XCTUnwrap(
            server.state.read { data, _ -> (Int, Int)? in
                let alice = data.users.values.first { $0.username == "alice" }?.id ?? -1
                return data.lastReadPostNumber[alice]?.filter { topic, read in
                    (data.topics[topic]?.highestPostNumber ?? 0) > read
                }.min { $0.key < $1.key }.map { ($0.key, $0.value) }
            })
        try await sync(partly.0, as: "alice")
        XCTAssertEqual(try store.lastReadPostNumber(topicID: partly.0), partly.1)
        let posts = try store.posts(topicID: partly.0, limit: 500)
        XCTAssertEqual(posts.filter(\.read).map(\.postNumber), posts.map(\.postNumber).filter { $0 <= partly.1 })
        XCTAssertGreaterThan(try store.topic(id: partly.0).unreadPosts, 0)
    }
}
