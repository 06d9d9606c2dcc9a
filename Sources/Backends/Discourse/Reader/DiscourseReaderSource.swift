import ForaCore
import Foundation

/// Discourse's `ReaderDataSource` (`/t/{id}.json` for the topic and its first posts,
/// `/t/{id}/posts.json?post_ids[]=…` for later windows), given any way to GET a path. It loads
/// a topic in windows, which `CommunityService.topic(id:)` (the whole topic at once) does not,
/// and reads the viewer's own states (liked, bookmarked, can delete) that ForaCore's `Post`
/// does not carry.
public final class DiscourseReaderSource: ReaderDataSource {
    public typealias Fetch = @Sendable (_ path: String) async throws -> [UInt8]
    private let fetch: Fetch
    /// Post ids in stream order, per topic, learnt from the topic call.
    private let streams = StreamCache()
    /// The accepted answer's number per topic, so posts of later windows carry their ✓ too.
    private let accepts = AcceptedCache()

    public init(fetch: @escaping Fetch) { self.fetch = fetch }

    public func topic(id: Int) async throws -> ReaderTopic {
        let path = "/t/\(id).json"
        let view = try decode(TopicViewJSON.self, from: try await fetch(path), path: path)
        await streams.set(view.postStream.stream ?? view.postStream.posts.map(\.id), for: id)
        let accepted = view.acceptedAnswer?.postNumber
        await accepts.set(accepted, for: id)
        var topic = ReaderTopic(
            // Without `stream`, the count is what arrived, never the server's `posts_count`.
            id: view.id, title: view.title, postCount: view.postStream.stream?.count ?? view.postStream.posts.count,
            acceptedAnswerPostNumber: accepted, lastReadPostNumber: view.lastReadPostNumber,
            initialPosts: view.postStream.posts.map { $0.readerPost(accepted: accepted) })
        topic.highestPostNumber = view.highestPostNumber
        topic.closed = view.closed ?? false
        topic.archived = view.archived ?? false
        topic.isPrivateMessage = view.archetype == "private_message"
        topic.canReply = view.details?.canCreatePost ?? false
        return topic
    }

    public func posts(topicID: Int, positions: Range<Int>) async throws -> [ReaderPost] {
        let stream = await streams.get(topicID)
        let accepted = await accepts.get(topicID)
        let ids = positions.clamped(to: 0..<stream.count).map { stream[$0] }
        guard !ids.isEmpty else { return [] }
        let query = ids.map { "post_ids[]=\($0)" }.joined(separator: "&")
        let path = "/t/\(topicID)/posts.json?" + query
        let answer = try decode(PostsJSON.self, from: try await fetch(path), path: path)
        let byID = Dictionary(answer.postStream.posts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // Keep stream order; a post that vanished since the topic call ends the window early.
        var result: [ReaderPost] = []
        for id in ids {
            guard let post = byID[id] else { break }
            result.append(post.readerPost(accepted: accepted))
        }
        return result
    }

    private func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8], path: String) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(bytes))
        } catch {
            throw ForaError.malformedResponse(endpoint: path, field: String(describing: error).prefix(120).description)
        }
    }

    private actor AcceptedCache {
        private var numbers: [Int: Int] = [:]
        func set(_ number: Int?, for topic: Int) { numbers[topic] = number }
        func get(_ topic: Int) -> Int? { numbers[topic] }
    }

    private actor StreamCache {
        private var streams: [Int: [Int]] = [:]
        func set(_ ids: [Int], for topic: Int) { streams[topic] = ids }
        func get(_ topic: Int) -> [Int] { streams[topic] ?? [] }
    }
}

private struct TopicViewJSON: Decodable {
    var id: Int
    var title: String
    var postsCount: Int
    var highestPostNumber: Int?
    var lastReadPostNumber: Int?
    var acceptedAnswer: AcceptedAnswer?
    var postStream: PostStreamJSON
    var closed: Bool?
    var archived: Bool?
    var archetype: String?
    var details: Details?

    struct Details: Decodable {
        var canCreatePost: Bool?
        enum CodingKeys: String, CodingKey { case canCreatePost = "can_create_post" }
    }

    struct AcceptedAnswer: Decodable {
        var postNumber: Int
        enum CodingKeys: String, CodingKey { case postNumber = "post_number" }
    }

    enum CodingKeys: String, CodingKey {
        case id, title, closed, archived, archetype, details
        case postsCount = "posts_count"
        case highestPostNumber = "highest_post_number"
        case lastReadPostNumber = "last_read_post_number"
        case acceptedAnswer = "accepted_answer"
        case postStream = "post_stream"
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(Int.self, forKey: .id)
        title = try c.decodeIfPresent(String.self, forKey: .title) ?? ""
        postsCount = try c.decodeIfPresent(Int.self, forKey: .postsCount) ?? 0
        lastReadPostNumber = try c.decodeIfPresent(Int.self, forKey: .lastReadPostNumber)
        // Discourse sends `accepted_answer` as an object, or omits it; tolerate anything else.
        acceptedAnswer = try? c.decodeIfPresent(AcceptedAnswer.self, forKey: .acceptedAnswer)
        postStream = try c.decode(PostStreamJSON.self, forKey: .postStream)
        highestPostNumber = try? c.decodeIfPresent(Int.self, forKey: .highestPostNumber)
        closed = try? c.decodeIfPresent(Bool.self, forKey: .closed)
        archived = try? c.decodeIfPresent(Bool.self, forKey: .archived)
        archetype = try? c.decodeIfPresent(String.self, forKey: .archetype)
        details = try? c.decodeIfPresent(Details.self, forKey: .details)
    }
}

private struct PostsJSON: Decodable {
    var postStream: PostStreamJSON
    enum CodingKeys: String, CodingKey { case postStream = "post_stream" }
}

private struct PostStreamJSON: Decodable {
    var posts: [PostJSON]
    var stream: [Int]?
}

private struct PostJSON: Decodable {
    var id: Int
    var postNumber: Int
    var username: String
    var trustLevel: Int?
    var admin: Bool?
    var moderator: Bool?
    var staff: Bool?
    var createdAt: String?
    var replyToPostNumber: Int?
    var cooked: String?
    var acceptedAnswer: Bool?
    var read: Bool?
    var actionsSummary: [Action]?
    var userID: Int?
    var hidden: Bool?
    var deletedAt: String?
    var canDelete: Bool?
    var canRecover: Bool?
    var postType: Int?
    var actionCode: String?
    var userTitle: String?
    var wiki: Bool?

    var bookmarked: Bool?

    struct Action: Decodable {
        var id: Int
        var count: Int?
        var acted: Bool?
    }

    enum CodingKeys: String, CodingKey {
        case id, username, admin, moderator, staff, cooked, read, bookmarked
        case postNumber = "post_number"
        case trustLevel = "trust_level"
        case createdAt = "created_at"
        case replyToPostNumber = "reply_to_post_number"
        case acceptedAnswer = "accepted_answer"
        case actionsSummary = "actions_summary"
        case userID = "user_id"
        case hidden
        case deletedAt = "deleted_at"
        case canDelete = "can_delete"
        case canRecover = "can_recover"
        case postType = "post_type"
        case actionCode = "action_code"
        case userTitle = "user_title"
        case wiki
    }

    func readerPost(accepted: Int?) -> ReaderPost {
        let badge: ReaderPost.Badge? =
            admin == true ? .admin : moderator == true ? .moderator : staff == true ? .staff : nil
        var post = ReaderPost(
            id: id, number: postNumber, username: username, trustLevel: trustLevel, badge: badge, createdAt: createdAt,
            replyToPostNumber: replyToPostNumber, cooked: cooked ?? "",
            isSolution: acceptedAnswer == true || accepted == postNumber,
            likes: actionsSummary?.first { $0.id == 2 }?.count ?? 0, isRead: read ?? true)
        post.moderation = PostModerationFacts(
            userID: userID, hidden: hidden ?? false, deleted: deletedAt != nil, canDelete: canDelete,
            canRecover: canRecover)
        post.postType = postType ?? 1
        post.actionCode = actionCode
        post.userTitle = userTitle
        post.wiki = wiki ?? false

        post.liked = actionsSummary?.first { $0.id == 2 }?.acted ?? false
        post.bookmarked = bookmarked ?? false
        return post
    }
}
