import Foundation
import XCTest

@testable import DemoCommunity

/// The floors the seeded community promises (see Content/ACCOUNTS.md and the task brief).
final class SeededContentTests: XCTestCase {
    private let data = Generated.seeded.data

    func testCategories() throws {
        let byName = Dictionary(uniqueKeysWithValues: data.categories.map { ($0.name, $0) })
        for name in ["Getting Started", "How-to", "Troubleshooting", "Billing", "Feature Ideas", "Announcements"] {
            XCTAssertNotNil(byName[name], name)
        }
        XCTAssertEqual(Set(data.categories.map(\.color)).count, data.categories.count, "colours are distinct")
        XCTAssertEqual(
            Set(data.categories.filter(\.solvedEnabled).map(\.name)), ["Getting Started", "How-to", "Troubleshooting"])
        XCTAssertEqual(data.categories.filter(\.staffOnlyTopics).map(\.name), ["Announcements"])
        let announcements = try XCTUnwrap(byName["Announcements"])
        for topic in data.topics.values where topic.categoryId == announcements.id {
            XCTAssertEqual(data.users[topic.userId]?.isStaff, true, "\(topic.title) is by staff")
        }
    }

    func testDocumentedAccounts() throws {
        let expected: [(String, DemoUser.Role, Int)] = [
            ("admin", .admin, 4), ("moderator", .moderator, 4), ("mod2", .moderator, 3), ("alice", .user, 2),
            ("bob", .user, 1), ("carol", .user, 3), ("newbie", .user, 0),
        ]
        for (username, role, trust) in expected {
            let user = try XCTUnwrap(data.user(named: username), username)
            XCTAssertEqual(user.role, role, username)
            XCTAssertEqual(user.trustLevel, trust, username)
        }
        // ACCOUNTS.md lists the same accounts, so the README's promise stays true.
        let accounts = try String(
            contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("../../Sources/DemoCommunity/Content/ACCOUNTS.md"), encoding: .utf8)
        for (username, _, _) in expected { XCTAssertTrue(accounts.contains("`\(username)`"), username) }
    }

    func testMembers() {
        XCTAssertGreaterThanOrEqual(data.users.count, 35)
        XCTAssertEqual(Set(data.users.values.map(\.trustLevel)), [0, 1, 2, 3, 4])
        XCTAssertTrue(data.users.values.allSatisfy { $0.name?.isEmpty == false && $0.bio?.isEmpty == false })
        XCTAssertGreaterThanOrEqual(data.users.values.filter { $0.title != nil }.count, 3)
        let badgeIds = Set(data.badges.map(\.id))
        XCTAssertTrue(data.users.values.allSatisfy { Set($0.badgeIds).isSubset(of: badgeIds) })
        XCTAssertEqual(Set(data.badges.map(\.badgeTypeId)), [1, 2, 3])
        for (username, id) in data.userIdsByUsername { XCTAssertEqual(data.users[id]?.username.lowercased(), username) }
    }

    func testTopicsAndTheirShapes() throws {
        let regular = Generated.regularTopics
        XCTAssertGreaterThanOrEqual(regular.count, 60)
        let replyCounts = regular.map { $0.postsCount - 1 }
        XCTAssertEqual(replyCounts.min(), 0)
        XCTAssertGreaterThanOrEqual(replyCounts.filter { $0 < 1_000 }.max() ?? 0, 25, "some long threads")
        XCTAssertGreaterThanOrEqual(Set(replyCounts).count, 10, "varied reply counts")
        XCTAssertGreaterThanOrEqual(regular.filter { $0.postsCount == 1 }.count, 8, "unanswered questions")
        XCTAssertGreaterThanOrEqual(Set(regular.flatMap(\.tags)).count, 6)
        XCTAssertTrue(
            Set(regular.flatMap(\.tags)).isSuperset(of: ["desktop", "mobile", "sync", "api", "billing", "linux"]))
        XCTAssertGreaterThan(Set(regular.map(\.views)).count, 30)

        let welcome = try XCTUnwrap(regular.first { $0.pinnedGlobally })
        XCTAssertEqual(data.categories.first { $0.id == welcome.categoryId }?.name, "Announcements")
        XCTAssertTrue(regular.contains { $0.pinned && !$0.pinnedGlobally })
        XCTAssertEqual(regular.filter(\.archived).count, 1)
        let closed = try XCTUnwrap(regular.first(where: \.closed))
        let closing = try XCTUnwrap(Generated.posts(closed).last)
        XCTAssertEqual(closing.postType, 3)
        XCTAssertEqual(closing.actionCode, "closed.enabled")
    }

    func testSolvedTopicsAcceptARealReplyInASolvedCategory() throws {
        let solved = Generated.regularTopics.filter { $0.acceptedAnswerPostNumber != nil }
        XCTAssertGreaterThanOrEqual(solved.count, 10)
        for topic in solved {
            let category = try XCTUnwrap(data.categories.first { $0.id == topic.categoryId })
            XCTAssertTrue(category.solvedEnabled, topic.title)
            let answer = try XCTUnwrap(Generated.posts(topic).first { $0.postNumber == topic.acceptedAnswerPostNumber })
            XCTAssertGreaterThan(answer.postNumber, 1)
            XCTAssertEqual(answer.postType, 1)
            XCTAssertNil(answer.deletedAt)
            XCTAssertNotEqual(answer.userId, topic.userId, "\(topic.title): answered by someone else")
        }
    }

    func testMegathread() throws {
        let megathreads = Generated.regularTopics.filter { Generated.posts($0).count >= 1_000 }
        XCTAssertEqual(megathreads.count, 1)
        let megathread = try XCTUnwrap(megathreads.first)
        let posts = Generated.posts(megathread)
        XCTAssertEqual(posts.count, 1_500)
        XCTAssertEqual(megathread.postsCount, 1_500)
        XCTAssertEqual(megathread.highestPostNumber, 1_500)
        XCTAssertFalse(data.categories.first { $0.id == megathread.categoryId }?.staffOnlyTopics ?? true)
        XCTAssertGreaterThan(posts.filter { !Generated.quotes(in: $0.cooked).isEmpty }.count, 150)
        XCTAssertGreaterThan(posts.filter { $0.replyToPostNumber != nil }.count, 250)
        XCTAssertGreaterThan(Set(posts.map(\.userId)).count, 20)
        XCTAssertGreaterThan(Set(posts.map(\.raw)).count, 1_000, "replies read differently")
    }

    func testPrivateMessages() throws {
        let messages = data.topics.values.filter(\.isPrivateMessage)
        XCTAssertGreaterThanOrEqual(messages.count, 4)
        var participants: Set<String> = []
        for topic in messages {
            XCTAssertNil(topic.categoryId)
            XCTAssertTrue(topic.allowedUserIds.contains(topic.userId))
            XCTAssertGreaterThanOrEqual(topic.allowedUserIds.count, 2)
            for userId in topic.allowedUserIds {
                participants.insert(try XCTUnwrap(data.users[userId]).username)
            }
            for post in Generated.posts(topic) { XCTAssertTrue(topic.allowedUserIds.contains(post.userId)) }
            XCTAssertGreaterThanOrEqual(Generated.posts(topic).count, 2, "a conversation, not a note")
        }
        XCTAssertTrue(participants.isSuperset(of: ["alice", "bob", "carol", "moderator"]))
    }

    func testReadingStateAndBookmarks() throws {
        let alice = try XCTUnwrap(data.user(named: "alice")).id
        let marks = try XCTUnwrap(data.lastReadPostNumber[alice])
        XCTAssertGreaterThanOrEqual(marks.count, 5)
        XCTAssertTrue(
            marks.contains { topicId, read in read < (data.topics[topicId]?.highestPostNumber ?? 0) }, "some unread")
        for (topicId, read) in marks {
            XCTAssertLessThanOrEqual(read, try XCTUnwrap(data.topics[topicId]).highestPostNumber)
        }
        XCTAssertGreaterThanOrEqual(Generated.allPosts.filter { $0.bookmarkedByUserIds.contains(alice) }.count, 3)
        XCTAssertGreaterThan(Generated.allPosts.filter { $0.likeCount > 0 }.count, 200)
    }
}
