// The few ways the write endpoints change the community, kept in one place so every change
// leaves topic statistics (post counts, last poster, likes, excerpt) consistent with the
// posts, whichever endpoint made it.
import DemoCommunity
import Foundation

extension CommunityData {
    /// Where a post lives: its topic and its index in that topic's materialised posts.
    mutating func locatePost(_ postId: Int, using materializer: PostMaterializer) -> (topicId: Int, index: Int)? {
        guard let topicId = topicId(ofPost: postId) else { return nil }
        let posts = posts(ofTopic: topicId, using: materializer)
        guard let index = posts.firstIndex(where: { $0.id == postId }) else { return nil }
        return (topicId, index)
    }

    /// The post and its topic, or 404.
    mutating func requirePost(_ postId: Int, using materializer: PostMaterializer) throws -> (DemoPost, DemoTopic) {
        guard let (topicId, index) = locatePost(postId, using: materializer), let topic = topics[topicId],
            let post = postsByTopic[topicId]?[index]
        else { throw DemoAPIError.notFound }
        return (post, topic)
    }

    /// Changes one post in place, then refreshes its topic's statistics.
    mutating func updatePost(_ postId: Int, using materializer: PostMaterializer, _ change: (inout DemoPost) -> Void) {
        guard let (topicId, index) = locatePost(postId, using: materializer) else { return }
        change(&postsByTopic[topicId, default: []][index])
        refreshStatistics(ofTopic: topicId)
    }

    /// Adds a post at the end of a topic with a fresh id and the next post number.
    @discardableResult
    mutating func appendPost(
        to topicId: Int, userId: Int, raw: String, cooked: String, replyTo: Int? = nil, postType: Int = 1,
        actionCode: String? = nil, at date: Date, using materializer: PostMaterializer
    ) throws -> DemoPost {
        var posts = posts(ofTopic: topicId, using: materializer)
        let number = max(topics[topicId]?.highestPostNumber ?? 0, posts.last?.postNumber ?? 0) + 1
        let post = try ModelFactory.post(
            id: nextPostId, topicId: topicId, postNumber: number, userId: userId, raw: raw, cooked: cooked, at: date,
            replyTo: replyTo, postType: postType, actionCode: actionCode)
        nextPostId += 1
        addedPostTopic[post.id] = topicId
        posts.append(post)
        postsByTopic[topicId] = posts
        refreshStatistics(ofTopic: topicId)
        return post
    }

    /// Recomputes what a topic summarises of its posts. Deleted posts and whispers do not
    /// count; the last poster is the author of the last visible regular post.
    mutating func refreshStatistics(ofTopic topicId: Int) {
        guard var topic = topics[topicId], let posts = postsByTopic[topicId] else { return }
        let visible = posts.filter { $0.deletedAt == nil && $0.postType != 4 }
        topic.highestPostNumber = max(topic.highestPostNumber, posts.last?.postNumber ?? 0)
        topic.postsCount = visible.count
        if let last = visible.last(where: { $0.postType == 1 }) {
            topic.lastPostedAt = last.createdAt
            topic.lastPosterId = last.userId
        }
        topic.likeCount = visible.reduce(0) { $0 + $1.likeCount }
        if let first = posts.first, first.postNumber == 1 {
            topic.excerpt = TextFormatting.excerpt(TextFormatting.plainText(fromHTML: first.cooked), length: 220)
        }
        topics[topicId] = topic
    }

    /// The next unused id among all reviewable scores.
    var nextReviewableScoreId: Int {
        (reviewables.values.flatMap(\.scores).map(\.id).max() ?? 0) + 1
    }

    /// The cooker of this community (mentions resolve against its users). It captures only
    /// the user tables, so holding it while the rest of the data changes copies nothing big.
    var cooker: MarkdownCooker {
        let users = self.users
        let ids = userIdsByUsername
        return MarkdownCooker { name in ids[name.lowercased()].flatMap { users[$0] } }
    }
}

/// Discourse's slug: lower-case ASCII words joined by dashes; `topic` when nothing is left
/// (titles in other scripts), as its default slug generator does.
func slugify(_ title: String) -> String {
    let folded = title.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en"))
    let words = folded.lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
    let slug = words.joined(separator: "-")
    return slug.isEmpty ? "topic" : String(slug.prefix(80))
}
