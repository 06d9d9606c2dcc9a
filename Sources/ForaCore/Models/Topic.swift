import Foundation

/// A topic as a topic list shows it. Dates stay as the server's ISO 8601 strings (so they
/// round-trip to `--json` unchanged); `lastActivity` parses them on demand.
public struct Topic: Codable, Equatable, Sendable {
    public var id: Int
    public var title: String
    public var slug: String
    public var categoryID: Int?
    public var postsCount: Int
    public var replyCount: Int
    public var views: Int
    public var likeCount: Int
    public var createdAt: String?
    public var lastPostedAt: String?
    public var bumpedAt: String?
    public var hasAcceptedAnswer: Bool
    public var pinned: Bool
    public var closed: Bool
    public var unread: Bool
    /// The topic's tags by name (servers send names, or `{id, name, slug}` objects on newer
    /// versions); empty when the site has no tagging.
    public var tags: [String]
    /// Posts the user has not read in a topic they have read before (`unread_posts`; older
    /// servers say `new_posts`); 0 when unknown.
    public var unreadPosts: Int

    enum CodingKeys: String, CodingKey {
        case id, title, slug, views, pinned, closed
        case categoryID = "category_id"
        case postsCount = "posts_count"
        case replyCount = "reply_count"
        case likeCount = "like_count"
        case createdAt = "created_at"
        case lastPostedAt = "last_posted_at"
        case bumpedAt = "bumped_at"
        case hasAcceptedAnswer = "has_accepted_answer"
        case unread = "unseen"
        case tags
        case unreadPosts = "unread_posts"
    }

    /// Read only: what older servers call `unread_posts`.
    private enum LegacyKeys: String, CodingKey {
        case newPosts = "new_posts"
    }

    /// A tag as a name or as an object with a `name`.
    private struct TagName: Decodable {
        var name: String?
        init(from decoder: any Decoder) throws {
            if let text = try? decoder.singleValueContainer().decode(String.self) {
                name = text
                return
            }
            struct Object: Decodable { var name: String? }
            name = (try? Object(from: decoder))?.name
        }
    }

    public init(
        id: Int, title: String, slug: String = "", categoryID: Int? = nil, postsCount: Int = 1, replyCount: Int = 0,
        views: Int = 0, likeCount: Int = 0, createdAt: String? = nil, lastPostedAt: String? = nil,
        bumpedAt: String? = nil,
        hasAcceptedAnswer: Bool = false, pinned: Bool = false, closed: Bool = false, unread: Bool = false,
        tags: [String] = [], unreadPosts: Int = 0
    ) {
        self.id = id
        self.title = title
        self.slug = slug
        self.categoryID = categoryID
        self.postsCount = postsCount
        self.replyCount = replyCount
        self.views = views
        self.likeCount = likeCount
        self.createdAt = createdAt
        self.lastPostedAt = lastPostedAt
        self.bumpedAt = bumpedAt
        self.hasAcceptedAnswer = hasAcceptedAnswer
        self.pinned = pinned
        self.closed = closed
        self.unread = unread
        self.tags = tags
        self.unreadPosts = unreadPosts
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(Int.self, forKey: .id)
        title = try c.decodeIfPresent(String.self, forKey: .title) ?? ""
        slug = try c.decodeIfPresent(String.self, forKey: .slug) ?? ""
        categoryID = try c.decodeIfPresent(Int.self, forKey: .categoryID)
        postsCount = try c.decodeIfPresent(Int.self, forKey: .postsCount) ?? 0
        replyCount = try c.decodeIfPresent(Int.self, forKey: .replyCount) ?? max(0, postsCount - 1)
        views = try c.decodeIfPresent(Int.self, forKey: .views) ?? 0
        likeCount = try c.decodeIfPresent(Int.self, forKey: .likeCount) ?? 0
        createdAt = try c.decodeIfPresent(String.self, forKey: .createdAt)
        lastPostedAt = try c.decodeIfPresent(String.self, forKey: .lastPostedAt)
        bumpedAt = try c.decodeIfPresent(String.self, forKey: .bumpedAt)
        hasAcceptedAnswer = try c.decodeIfPresent(Bool.self, forKey: .hasAcceptedAnswer) ?? false
        pinned = try c.decodeIfPresent(Bool.self, forKey: .pinned) ?? false
        closed = try c.decodeIfPresent(Bool.self, forKey: .closed) ?? false
        unread = try c.decodeIfPresent(Bool.self, forKey: .unread) ?? false
        tags = ((try? c.decodeIfPresent([TagName].self, forKey: .tags)) ?? []).compactMap(\.name)
        unreadPosts =
            (try? c.decodeIfPresent(Int.self, forKey: .unreadPosts))
            ?? (try? decoder.container(keyedBy: LegacyKeys.self).decodeIfPresent(Int.self, forKey: .newPosts)) ?? 0
    }

    /// The last activity time: last post, else bump, else creation.
    public var lastActivity: Date? {
        (lastPostedAt ?? bumpedAt ?? createdAt).flatMap(ForaDate.parse)
    }
}

/// Dates as the server sends them, and compact ages for list columns.
public enum ForaDate {
    /// An RFC 3339 / ISO 8601 timestamp (`2022-07-28T10:03:51.280Z`, `…51Z`, `…51-05:00`);
    /// nil for anything else. See `ISO8601Timestamp`.
    public static func parse(_ text: String) -> Date? {
        ISO8601Timestamp.parse(text)
    }

    /// "5m", "3h", "2d", "4mo", "1y": compact relative age for list columns.
    public static func relative(_ date: Date, now: Date = Date()) -> String {
        let seconds = max(0, Int(now.timeIntervalSince(date)))
        switch seconds {
        case ..<60: return "now"
        case ..<3600: return "\(seconds / 60)m"
        case ..<86_400: return "\(seconds / 3600)h"
        case ..<(86_400 * 30): return "\(seconds / 86_400)d"
        case ..<(86_400 * 365): return "\(seconds / (86_400 * 30))mo"
        default: return "\(seconds / (86_400 * 365))y"
        }
    }
}
