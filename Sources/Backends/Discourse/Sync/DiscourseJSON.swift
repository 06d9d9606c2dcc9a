import ForaCore
import Foundation

/// The few Discourse response shapes sync and the outbox read that ForaCore does not model
/// yet. Explicit `CodingKeys`, no `convertFromSnakeCase` (PLATFORM-NOTES: twice as fast).
enum DiscourseJSON {
    /// A topic list item: ForaCore's `Topic` plus `highest_post_number` and the states a
    /// row carries (archetype, archived, visible, the account's reading position).
    struct ListItem: Decodable {
        var summary: SyncTopicSummary

        enum Keys: String, CodingKey {
            case archetype, archived, visible
            case highestPostNumber = "highest_post_number"
            case postsCount = "posts_count"
            case pinnedUntil = "pinned_until"
            case deletedAt = "deleted_at"
            case lastReadPostNumber = "last_read_post_number"
        }

        init(from decoder: any Decoder) throws {
            let topic = try Topic(from: decoder)
            let c = try decoder.container(keyedBy: Keys.self)
            let highest = try c.decodeIfPresent(Int.self, forKey: .highestPostNumber) ?? topic.postsCount
            summary = SyncTopicSummary(topic: topic, highestPostNumber: highest)
            summary.archetype = try? c.decodeIfPresent(String.self, forKey: .archetype)
            summary.archived = try? c.decodeIfPresent(Bool.self, forKey: .archived)
            summary.visible = try? c.decodeIfPresent(Bool.self, forKey: .visible)
            summary.pinnedUntil = try? c.decodeIfPresent(String.self, forKey: .pinnedUntil)
            summary.deletedAt = try? c.decodeIfPresent(String.self, forKey: .deletedAt)
            summary.lastReadPostNumber = try? c.decodeIfPresent(Int.self, forKey: .lastReadPostNumber)
        }
    }

    struct ListPage: Decodable {
        var users: [BasicUser]?
        var topicList: Inner

        struct Inner: Decodable {
            var topics: [ListItem]?
            var moreTopicsURL: String?
            enum CodingKeys: String, CodingKey {
                case topics
                case moreTopicsURL = "more_topics_url"
            }
        }

        enum CodingKeys: String, CodingKey {
            case users
            case topicList = "topic_list"
        }
    }

    struct Post: Decodable {
        var id: Int
        var postNumber: Int
        var topicID: Int?
        var userID: Int?
        var username: String?
        var createdAt: String?
        var updatedAt: String?
        var cooked: String?
        var raw: String?
        var replyToPostNumber: Int?
        var postType: Int?
        var version: Int?
        var deletedAt: String?
        var hidden: Bool?
        var userDeleted: Bool?
        var wiki: Bool?
        var actionCode: String?
        var moderator: Bool?
        var admin: Bool?
        var staff: Bool?
        var trustLevel: Int?
        var userTitle: String?
        var read: Bool?
        var acceptedAnswer: Bool?
        var actionsSummary: [Action]?

        struct Action: Decodable {
            var id: Int
            var count: Int?
        }

        enum CodingKeys: String, CodingKey {
            case id, username, cooked, raw, version, hidden, wiki, moderator, admin, staff, read
            case postNumber = "post_number"
            case topicID = "topic_id"
            case userID = "user_id"
            case createdAt = "created_at"
            case updatedAt = "updated_at"
            case deletedAt = "deleted_at"
            case replyToPostNumber = "reply_to_post_number"
            case postType = "post_type"
            case userDeleted = "user_deleted"
            case actionCode = "action_code"
            case trustLevel = "trust_level"
            case userTitle = "user_title"
            case actionsSummary = "actions_summary"
            case acceptedAnswer = "accepted_answer"
        }

        /// Everything but the required keys is read leniently: an odd value of an optional
        /// field is dropped, not the whole post.
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = try c.decode(Int.self, forKey: .id)
            postNumber = try c.decode(Int.self, forKey: .postNumber)
            topicID = try? c.decodeIfPresent(Int.self, forKey: .topicID)
            userID = try? c.decodeIfPresent(Int.self, forKey: .userID)
            username = try? c.decodeIfPresent(String.self, forKey: .username)
            createdAt = try? c.decodeIfPresent(String.self, forKey: .createdAt)
            updatedAt = try? c.decodeIfPresent(String.self, forKey: .updatedAt)
            cooked = try? c.decodeIfPresent(String.self, forKey: .cooked)
            raw = try? c.decodeIfPresent(String.self, forKey: .raw)
            replyToPostNumber = try? c.decodeIfPresent(Int.self, forKey: .replyToPostNumber)
            postType = try? c.decodeIfPresent(Int.self, forKey: .postType)
            version = try? c.decodeIfPresent(Int.self, forKey: .version)
            deletedAt = try? c.decodeIfPresent(String.self, forKey: .deletedAt)
            hidden = try? c.decodeIfPresent(Bool.self, forKey: .hidden)
            userDeleted = try? c.decodeIfPresent(Bool.self, forKey: .userDeleted)
            wiki = try? c.decodeIfPresent(Bool.self, forKey: .wiki)
            actionCode = try? c.decodeIfPresent(String.self, forKey: .actionCode)
            moderator = try? c.decodeIfPresent(Bool.self, forKey: .moderator)
            admin = try? c.decodeIfPresent(Bool.self, forKey: .admin)
            staff = try? c.decodeIfPresent(Bool.self, forKey: .staff)
            trustLevel = try? c.decodeIfPresent(Int.self, forKey: .trustLevel)
            userTitle = try? c.decodeIfPresent(String.self, forKey: .userTitle)
            read = try? c.decodeIfPresent(Bool.self, forKey: .read)
            acceptedAnswer = try? c.decodeIfPresent(Bool.self, forKey: .acceptedAnswer)
            actionsSummary = try? c.decodeIfPresent([Action].self, forKey: .actionsSummary)
        }

        func stored(topicID fallback: Int) -> StoredPost {
            var post = StoredPost(
                id: id, topicID: topicID ?? fallback, postNumber: postNumber, userID: userID, username: username ?? "",
                createdAt: createdAt, updatedAt: updatedAt, replyToPostNumber: replyToPostNumber,
                postType: postType ?? 1, likeCount: actionsSummary?.first { $0.id == 2 }?.count ?? 0,
                cooked: cooked ?? "", raw: raw, version: version)
            post.deletedAt = deletedAt
            post.hidden = hidden ?? false
            post.userDeleted = userDeleted ?? false
            post.wiki = wiki ?? false
            post.actionCode = actionCode
            post.author = PostAuthorBadges(
                moderator: moderator ?? false, admin: admin ?? false, staff: staff ?? false, trustLevel: trustLevel,
                title: userTitle)
            post.read = read ?? false
            return post
        }

        var remote: RemotePost {
            RemotePost(
                id: id, postNumber: postNumber, username: username ?? "", raw: raw,
                createdAt: createdAt.flatMap(ForaDate.parse))
        }
    }

    struct PostStream: Decodable {
        var posts: [Post]?
        var stream: [Int]?
    }

    /// `/t/{id}.json` and `/t/{id}/posts.json`. The topic itself says whether it has an
    /// accepted answer and which (the solved plugin's `accepted_answer`), which a list row
    /// does not.
    struct TopicView: Decodable {
        var item: ListItem
        var postStream: PostStream

        enum Keys: String, CodingKey {
            case postStream = "post_stream"
            case acceptedAnswer = "accepted_answer"
        }

        init(from decoder: any Decoder) throws {
            item = try ListItem(from: decoder)
            let c = try decoder.container(keyedBy: Keys.self)
            postStream = try c.decode(PostStream.self, forKey: .postStream)
            item.summary.isWholeTopic = true
            let accepted = try? c.decodeIfPresent(AcceptedAnswer.self, forKey: .acceptedAnswer)
            // Older solved plugins marked only the post (`accepted_answer: true` on it).
            let marked = (postStream.posts ?? []).first { $0.acceptedAnswer == true }
            if let answer = accepted ?? marked.map({ AcceptedAnswer(postNumber: $0.postNumber, username: nil) }) {
                item.summary.acceptedAnswer = .some(answer)
            } else if !item.summary.topic.hasAcceptedAnswer {
                item.summary.acceptedAnswer = .some(nil)
            }
        }
    }

    struct PostsOnly: Decodable {
        var postStream: PostStream
        enum CodingKeys: String, CodingKey { case postStream = "post_stream" }
    }

    /// The answer to `POST /posts.json`: a post at the root, or `{action: "enqueued"}`.
    struct CreateAnswer: Decodable {
        var id: Int?
        var topicID: Int?
        var action: String?
        enum CodingKeys: String, CodingKey {
            case id, action
            case topicID = "topic_id"
        }
    }

    struct CreatedTopics: Decodable {
        var topicList: Inner
        struct Inner: Decodable {
            var topics: [Item]?
        }
        struct Item: Decodable {
            var id: Int
            var title: String
            var createdAt: String?
            enum CodingKeys: String, CodingKey {
                case id, title
                case createdAt = "created_at"
            }
        }
        enum CodingKeys: String, CodingKey { case topicList = "topic_list" }
    }

    /// `/u/{username}/bookmarks.json`: `{user_bookmark_list: {bookmarks}}`, or, with none,
    /// a bare `{bookmarks: []}` (Discourse's quirk).
    struct BookmarkList: Decodable {
        var bookmarks: [Item]

        struct Inner: Decodable { var bookmarks: [Item]? }
        enum CodingKeys: String, CodingKey {
            case bookmarks
            case list = "user_bookmark_list"
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            bookmarks =
                try c.decodeIfPresent(Inner.self, forKey: .list)?.bookmarks
                ?? c.decodeIfPresent([Item].self, forKey: .bookmarks) ?? []
        }

        struct Item: Decodable {
            var id: Int
            var topicID: Int?
            var bookmarkableID: Int?
            var bookmarkableType: String?
            var linkedPostNumber: Int?
            var title: String?
            var fancyTitle: String?
            var excerpt: String?
            var name: String?

            enum CodingKeys: String, CodingKey {
                case id, title, excerpt, name
                case topicID = "topic_id"
                case bookmarkableID = "bookmarkable_id"
                case bookmarkableType = "bookmarkable_type"
                case linkedPostNumber = "linked_post_number"
                case fancyTitle = "fancy_title"
            }

            /// nil for a bookmark on something that is not in a topic.
            var synced: SyncBookmark? {
                let topic = topicID ?? (bookmarkableType == "Topic" ? bookmarkableID : nil)
                guard let topic else { return nil }
                return SyncBookmark(
                    id: id, topicID: topic, postID: bookmarkableType == "Post" ? bookmarkableID : nil,
                    postNumber: linkedPostNumber, title: title ?? fancyTitle ?? "",
                    excerpt: excerpt.map(PlainText.fromCooked), name: name)
            }
        }
    }

    static func decode<T: Decodable>(_ type: T.Type, _ bytes: [UInt8], endpoint: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(bytes))
        } catch {
            throw ForaError.malformedResponse(endpoint: endpoint, field: "\(type)")
        }
    }
}
