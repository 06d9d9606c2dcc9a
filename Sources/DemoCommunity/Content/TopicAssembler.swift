// Adds a topic with its posts to the community, keeping every derived field consistent.
import Foundation

/// One post to add: author, body, and optionally the post number it replies to.
struct PostDraft {
    var userId: Int
    var body: PostBody
    var replyTo: Int? = nil
    var postType: Int = 1
    var actionCode: String? = nil
    var deleted: Bool = false
    /// Explicit likers; nil lets the assembler draw some.
    var likedBy: [Int]? = nil
}

extension CommunityData {
    /// Appends a topic with contiguous post ids (post n is `firstPostId + n - 1`) and derives its
    /// counters from the posts the way the server's `refreshStatistics` does: deleted posts and
    /// whispers do not count, the last poster is the author of the last visible regular post.
    /// Posts are spread from `createdAt` with gaps of minutes to hours, never reaching "now".
    @discardableResult
    mutating func assembleTopic(
        title: String, categoryId: Int?, tags: [String], createdAt: Date, drafts: [PostDraft],
        random: inout SeededRandom, archetype: DemoTopic.Archetype = .regular, allowedUserIds: [Int] = []
    ) -> Int {
        let topicId = nextTopicId
        nextTopicId += 1
        let firstPostId = nextPostId
        nextPostId += drafts.count
        let available = max(generatedAt.timeIntervalSince(createdAt) - 3_600, 60)
        // Each gap is 60 s plus up to `typicalGap`, so the last post stays before `generatedAt`.
        let postCount = Double(max(drafts.count, 1))
        let typicalGap = min(max(available - 60 * postCount, 0) / postCount, 2 * 86_400)
        let likers = users.values.filter { $0.trustLevel > 0 }.map(\.id).sorted()
        var posts: [DemoPost] = []
        posts.reserveCapacity(drafts.count)
        var date = createdAt
        for (index, draft) in drafts.enumerated() {
            if index > 0 { date += 60 + typicalGap * Double(random.below(1_000)) / 1_000 }
            var liked = draft.likedBy ?? []
            if draft.likedBy == nil, draft.postType == 1, archetype == .regular, !draft.deleted {
                for _ in 0..<random.below(index == 0 ? 9 : 5) {
                    let liker = likers[random.below(likers.count)]
                    if liker != draft.userId, !liked.contains(liker) { liked.append(liker) }
                }
            }
            posts.append(
                DemoPost(
                    id: firstPostId + index, topicId: topicId, postNumber: index + 1, userId: draft.userId,
                    raw: draft.body.raw, cooked: draft.body.cooked, createdAt: date, updatedAt: date,
                    replyToPostNumber: draft.replyTo, postType: draft.postType, actionCode: draft.actionCode,
                    version: 1,
                    likedByUserIds: liked.sorted(), bookmarkedByUserIds: [], hidden: false,
                    deletedAt: draft.deleted ? date + 3_600 : nil, reads: 1 + random.below(60), wiki: false))
        }
        let visible = posts.filter { $0.deletedAt == nil && $0.postType != 4 }
        let lastRegular = visible.last { $0.postType == 1 }
        let firstCooked = drafts.first?.body.cooked ?? ""
        topics[topicId] = DemoTopic(
            id: topicId, title: title, slug: Self.slugify(title), categoryId: categoryId, tags: tags,
            archetype: archetype, userId: drafts.first?.userId ?? 1, createdAt: createdAt,
            views: visible.count * (3 + random.below(12)) + random.below(400), pinned: false, pinnedGlobally: false,
            closed: false, archived: false, visible: true, deletedAt: nil, acceptedAnswerPostNumber: nil,
            allowedUserIds: allowedUserIds, highestPostNumber: posts.count, postsCount: visible.count,
            lastPostedAt: lastRegular?.createdAt ?? createdAt, lastPosterId: lastRegular?.userId ?? 1,
            likeCount: visible.reduce(0) { $0 + $1.likeCount }, firstPostId: firstPostId,
            generatedPostCount: posts.count, excerpt: PostBody.excerpt(ofCooked: firstCooked))
        postsByTopic[topicId] = posts
        return topicId
    }

    /// A URL slug as Discourse makes it: lowercase ASCII words joined by dashes ("topic" if none).
    static func slugify(_ title: String) -> String {
        let lowered = title.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" }
        let slug = String(lowered).split(separator: "-").joined(separator: "-")
        return slug.isEmpty ? "topic" : slug
    }
}
