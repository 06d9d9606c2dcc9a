import ForaCore
import Foundation
import GRDB

/// A stored topic as the site's topic view: the same `TopicDetail` the online commands get,
/// so `--offline` output is made by the same code as online output and says the same things
/// (the accepted answer, post states, badges).
extension Store {
    /// Every stored post of the topic, read 500 at a time; `notSynced` when the topic is unknown.
    public func topicDetail(id: Int) throws -> TopicDetail {
        let entry = try topic(id: id)
        let states = try topicStates(id: id)
        var posts: [StoredPost] = []
        var next = 1
        while true {
            let window = try self.posts(topicID: id, from: next, limit: 500)
            posts += window
            guard let last = window.last, window.count == 500 else { break }
            next = last.postNumber + 1
        }
        let topic = entry.topic
        var detail = TopicDetail(id: id, title: topic.title, posts: posts.map(Self.corePost), stream: posts.map(\.id))
        detail.slug = topic.slug
        detail.categoryID = topic.categoryID
        detail.postsCount = topic.postsCount
        detail.highestPostNumber = entry.highestPostNumber
        detail.replyCount = topic.replyCount
        detail.likeCount = topic.likeCount
        detail.views = topic.views
        detail.createdAt = topic.createdAt
        detail.lastPostedAt = topic.lastPostedAt
        detail.closed = topic.closed
        detail.pinned = topic.pinned
        detail.tags = topic.tags
        detail.archetype = states.archetype
        detail.archived = states.archived
        detail.visible = states.visible
        if let number = states.acceptedAnswerPostNumber {
            detail.acceptedAnswer = AcceptedAnswer(postNumber: number, username: states.acceptedAnswerUsername)
        }
        for index in detail.posts.indices {
            detail.posts[index].acceptedAnswer = detail.posts[index].postNumber == detail.acceptedAnswer?.postNumber
        }
        return detail
    }

    /// A stored topic's states beyond its list row; `notSynced` when the topic is unknown.
    public func topicStates(id: Int) throws -> StoredTopicStates {
        try read { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT archetype, archived, visible, accepted_answer_post_number, accepted_answer_username
                    FROM topics WHERE id = ?
                    """,
                arguments: [id])
            guard let row else { throw StoreError.notSynced("topic \(id)") }
            return StoredTopicStates(
                archetype: row["archetype"], archived: row["archived"], visible: row["visible"],
                acceptedAnswerPostNumber: row["accepted_answer_post_number"],
                acceptedAnswerUsername: row["accepted_answer_username"])
        }
    }

    /// Marks posts of a topic read (the reader showed them).
    public func markPostsRead(topicID: Int, postNumbers: [Int]) throws {
        try write { db in
            let statement = try db.cachedStatement(
                sql: "UPDATE posts SET read = 1 WHERE topic_id = ? AND post_number = ? AND read = 0")
            for number in postNumbers { try statement.execute(arguments: [topicID, number]) }
        }
    }

    /// Records the topic's accepted answer as the site now has it (after accepting or
    /// unaccepting one here), so the store agrees before the next sync.
    public func setAcceptedAnswer(topicID: Int, postNumber: Int?, username: String? = nil) throws {
        try write { db in
            try db.execute(
                sql: """
                    UPDATE topics SET accepted_answer_post_number = ?, accepted_answer_username = ?,
                        has_accepted_answer = ? WHERE id = ?
                    """,
                arguments: [postNumber, postNumber == nil ? nil : username, postNumber != nil, topicID])
        }
    }

    static func corePost(_ stored: StoredPost) -> Post {
        var post = Post(
            id: stored.id, topicID: stored.topicID, postNumber: stored.postNumber, username: stored.username,
            createdAt: stored.createdAt, cooked: stored.cooked, raw: stored.raw,
            replyToPostNumber: stored.replyToPostNumber, likeCount: stored.likeCount)
        post.postType = stored.postType
        post.userID = stored.userID
        post.updatedAt = stored.updatedAt
        post.version = stored.version ?? 1
        post.hidden = stored.hidden
        post.wiki = stored.wiki
        post.deletedAt = stored.deletedAt
        post.actionCode = stored.actionCode
        post.userTitle = stored.author.title
        post.trustLevel = stored.author.trustLevel
        post.moderator = stored.author.moderator
        post.admin = stored.author.admin
        return post
    }
}

/// What the store knows of a topic beyond its list row.
public struct StoredTopicStates: Equatable, Sendable {
    public var archetype: String
    public var archived: Bool
    public var visible: Bool
    public var acceptedAnswerPostNumber: Int?
    /// The accepted answer's author, as the solved plugin names it.
    public var acceptedAnswerUsername: String?
}
