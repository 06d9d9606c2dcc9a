// Moderation state, reading progress and bookmarks of the seeded community.
import Foundation

/// Everything around the seeded topics: the spammer's posts and the review queue, then the
/// notifications (`SeedNotifications`), read positions and bookmarks.
struct SeedExtras {
    var data: CommunityData
    var random: SeededRandom
    let topicIdsByTitle: [String: Int]

    private func userId(_ username: String) -> Int { data.userIdsByUsername[username] ?? 1 }
    private var now: Date { data.generatedAt }

    mutating func build() {
        buildReviewables()
        var notifications = SeedNotifications(data: data, topicIdsByTitle: topicIdsByTitle)
        notifications.build()
        data = notifications.data
        buildReadingState()
    }

    private mutating func reviewable(
        kind: DemoReviewable.Kind, status: DemoReviewable.Status = .pending, style: DemoReviewable.ActionStyle,
        post: DemoPost? = nil, topicId: Int? = nil, categoryId: Int? = nil, target: Int,
        flags: [(String, Int, String?)],
        payload: (raw: String, title: String?)? = nil, createdById: Int? = nil
    ) {
        let id = data.nextReviewableId
        data.nextReviewableId += 1
        let created = now.addingTimeInterval(-Double(id) * 5_400)
        let scores = flags.enumerated().map { index, flag in
            DemoReviewable.Score(
                id: id * 10 + index, userId: userId(flag.0), scoreType: flag.1, score: flag.1 == 8 ? 6 : 3.5,
                reason: nil,
                message: flag.2, createdAt: created.addingTimeInterval(Double(index) * 60),
                status: status == .pending ? 0 : status == .approved ? 1 : status == .rejected ? 2 : 3)
        }
        let topic = (post?.topicId ?? topicId).flatMap { data.topics[$0] }
        data.reviewables[id] = DemoReviewable(
            id: id, kind: kind, status: status, actionStyle: style, topicId: topic?.id,
            categoryId: topic?.categoryId ?? categoryId, postId: post?.id, targetUserId: target,
            createdById: createdById ?? flags.first.map { userId($0.0) } ?? -1, createdAt: created, version: 0,
            scores: scores, payloadRaw: payload?.raw, payloadTitle: payload?.title, claimedByUserId: nil,
            claimedAt: nil,
            completedBundles: [], reviewedById: status == .pending ? nil : userId("moderator"),
            reviewedAt: status == .pending ? nil : created.addingTimeInterval(3_600))
    }

    private mutating func buildReviewables() {
        let spammer = userId(SeedPeople.spammerUsername)
        // The spammer's three fresh topics, flagged as spam by one, two and three members.
        let spamTitles = [
            "Cheap Lumen Pro licenses here!!!", "Best replica watches 90% off", "Earn $500 a day from home",
        ]
        var spamPosts: [DemoPost] = []
        for (index, title) in spamTitles.enumerated() {
            let body = PostBody.inline(
                raw: "Visit [our shop](https://spam.example/deals) now!!!",
                cooked: "Visit <a href=\"https://spam.example/deals\" rel=\"noopener nofollow ugc\">our shop</a> now!!!"
            )
            let id = data.assembleTopic(
                title: title, categoryId: index == 0 ? 3 : 7, tags: [],
                createdAt: now.addingTimeInterval(-Double(index + 1) * 7_200),
                drafts: [PostDraft(userId: spammer, body: body, likedBy: [])], random: &random)
            data.topics[id]?.views = 2 + index * 3
            if let post = data.postsByTopic[id]?.first { spamPosts.append(post) }
        }
        for (index, post) in spamPosts.enumerated() {
            let spamFlags: [(String, Int, String?)] = [("alice", 8, nil), ("carol", 8, nil), ("bob", 8, nil)]
            let flaggers = spamFlags.prefix(index + 1)
            reviewable(
                kind: .flaggedPost, style: index % 2 == 0 ? .legacy : .refreshed, post: post, target: spammer,
                flags: flaggers.map { ($0.0, $0.1, $0.2) })
        }
        // Real replies of ordinary threads, flagged for various reasons by one to three members.
        let candidates = data.topics.values
            .filter { !$0.isPrivateMessage && $0.postsCount >= 3 && $0.postsCount < 100 && $0.userId != spammer }
            .sorted { $0.id < $1.id }
        let reasons: [(Int, String?)] = [
            (3, nil), (4, nil), (7, "This reply looks like it leaks a licence key."), (3, nil), (4, nil),
            (7, "User keeps bumping old threads."), (8, nil), (3, nil),
        ]
        let flaggerNames = ["alice", "bob", "carol", "yuki", "wei"]
        for (index, reason) in reasons.enumerated() where !candidates.isEmpty {
            let topic = candidates[(index * 5) % candidates.count]
            guard let post = data.postsByTopic[topic.id]?.last(where: { $0.postType == 1 && $0.deletedAt == nil })
            else { continue }
            let flags = (0..<(1 + index % 3)).map {
                (flaggerNames[(index + $0) % flaggerNames.count], reason.0, reason.1)
            }
            .filter { userId($0.0) != post.userId }
            reviewable(
                kind: .flaggedPost, style: index % 2 == 0 ? .refreshed : .legacy, post: post, target: post.userId,
                flags: flags.isEmpty ? [("grace", reason.0, reason.1)] : flags)
        }
        // The new user's posts held for approval: a new topic, and a reply to an existing one.
        let newbie = userId("newbie")
        reviewable(
            kind: .queuedPost, style: .legacy, categoryId: 2, target: newbie, flags: [],
            payload: ("Hi all, my first post! How do I share a folder with my family?", "Sharing with family"),
            createdById: newbie)
        reviewable(
            kind: .queuedPost, style: .refreshed, topicId: topicIdsByTitle["Student discount available?"],
            target: newbie, flags: [], payload: ("Is there a coupon code too? Check https://coupons.example", nil),
            createdById: newbie)
        reviewable(kind: .user, style: .refreshed, target: spammer, flags: [], createdById: -1)
        // Already handled items, for the status filters.
        if let handled = candidates.last, let post = data.postsByTopic[handled.id]?[1] {
            reviewable(
                kind: .flaggedPost, status: .approved, style: .legacy, post: post, target: post.userId,
                flags: [("carol", 3, nil)])
            reviewable(
                kind: .flaggedPost, status: .rejected, style: .refreshed, post: post, target: post.userId,
                flags: [("bob", 4, nil)])
            reviewable(
                kind: .flaggedPost, status: .ignored, style: .legacy, post: post, target: post.userId,
                flags: [("wei", 3, nil)])
        }
    }

    /// Alice has read some threads part of the way, and bookmarked a few replies.
    private mutating func buildReadingState() {
        let alice = userId("alice")
        let regular = data.topics.values.filter { !$0.isPrivateMessage && $0.postsCount >= 4 }.sorted { $0.id < $1.id }
        for (index, topic) in regular.prefix(14).enumerated() {
            let behind = index % 3 == 0 ? 0 : 1 + random.below(3)
            data.lastReadPostNumber[alice, default: [:]][topic.id] = max(1, topic.highestPostNumber - behind)
        }
        for topic in regular.suffix(5) {
            guard var posts = data.postsByTopic[topic.id], posts.count > 1 else { continue }
            posts[1].bookmarkedByUserIds.append(alice)
            data.postsByTopic[topic.id] = posts
        }
    }
}
