// The validation messages of creating and editing posts, worded as Discourse's English
// locale words them (`activerecord.errors.messages`, with `raw` called "Body"), and checked
// against the limits `/site/settings.json` advertises.
import DemoCommunity
import Foundation

enum PostValidation {
    /// Discourse's `unique_posts_mins`: the same body by the same user within 5 minutes.
    static let uniquePostWindow: TimeInterval = 5 * 60

    /// Body length problems; `isPrivateMessage` and `isFirstPost` pick the minimum.
    static func bodyErrors(_ raw: String, isPrivateMessage: Bool, isFirstPost: Bool) -> [String] {
        let length = raw.trimmingCharacters(in: .whitespacesAndNewlines).count
        let minimum =
            isPrivateMessage
            ? DemoSiteSettings.minPersonalMessagePostLength
            : isFirstPost ? DemoSiteSettings.minFirstPostLength : DemoSiteSettings.minPostLength
        var errors: [String] = []
        if length == 0 { errors.append("Body can't be blank") }
        if length < minimum { errors.append("Body is too short (minimum is \(minimum) characters)") }
        if length > DemoSiteSettings.maxPostLength {
            errors.append("Body is limited to \(DemoSiteSettings.maxPostLength) characters; you entered \(length).")
        }
        return errors
    }

    static func titleErrors(_ title: String?, isPrivateMessage: Bool) -> [String] {
        let length = (title ?? "").trimmingCharacters(in: .whitespacesAndNewlines).count
        let minimum =
            isPrivateMessage ? DemoSiteSettings.minPersonalMessageTitleLength : DemoSiteSettings.minTopicTitleLength
        var errors: [String] = []
        if length == 0 { errors.append("Title can't be blank") }
        if length < minimum { errors.append("Title is too short (minimum is \(minimum) characters)") }
        if length > DemoSiteSettings.maxTopicTitleLength {
            errors.append("Title is too long (maximum is \(DemoSiteSettings.maxTopicTitleLength) characters)")
        }
        return errors
    }

    /// Whether `userId` posted the same body within the unique-posts window.
    static func isDuplicate(_ raw: String, by userId: Int, in data: CommunityData, now: Date) -> Bool {
        let body = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        let since = now.addingTimeInterval(-uniquePostWindow)
        // Only posts written through the API can be that recent; generated ones are older.
        for (postId, topicId) in data.addedPostTopic {
            guard let post = data.postsByTopic[topicId]?.first(where: { $0.id == postId }) else { continue }
            if post.userId == userId, post.deletedAt == nil, post.createdAt >= since,
                post.raw.trimmingCharacters(in: .whitespacesAndNewlines) == body
            {
                return true
            }
        }
        return false
    }

    /// `allow_duplicate_topic_titles` is off: another live public topic with that title.
    static func isDuplicateTitle(_ title: String, in data: CommunityData) -> Bool {
        let wanted = title.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        return data.topics.values.contains {
            !$0.isPrivateMessage && $0.deletedAt == nil && $0.title.lowercased() == wanted
        }
    }

    /// The 422 answer of posts#create, `{action: "create_post", errors: [...]}`.
    static func rejection(_ errors: [String]) -> APIResponse {
        .json(["action": "create_post", "errors": .array(errors.map { .string($0) })], status: 422)
    }
}
