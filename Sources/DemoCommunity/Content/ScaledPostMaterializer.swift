// Makes the posts of a scaled topic on demand, deterministically from the seed and topic id.
import Foundation

/// Generates a scaled topic's posts. The same topic always gives the same posts, and they agree
/// with the metadata the generator gave the topic (first and last author, dates, like count).
/// Only the immutable parts of the topic passed in are used (id, first post id, generated post
/// count); the rest is redrawn from the topic's plan, because writes change the live metadata.
struct ScaledPostMaterializer: PostMaterializer {
    let seed: UInt64

    /// Authors of generated posts: the seeded users except the spammer (ids are fixed by the cast).
    static let authorIds: [Int] = Array(1...SeedPeople.usernames.count)
        .filter { SeedPeople.usernames[$0 - 1] != SeedPeople.spammerUsername }

    /// The most likes one generated post gets (far fewer than the possible likers).
    static let maximumLikesPerPost = 5

    /// The words a quote of each template repeats, computed once.
    private static let questionQuotes = ScaledTemplates.questions.map {
        PostBody.firstSentence(ofCooked: $0.body.cooked)
    }
    private static let replyQuotes = ScaledTemplates.replies.map { PostBody.firstSentence(ofCooked: $0.cooked) }

    func generatedPosts(of topic: DemoTopic, in data: CommunityData) -> [DemoPost] {
        let count = topic.generatedPostCount
        guard count > 0 else { return [] }
        let plan = ScaledTopicPlan(seed: seed, topicId: topic.id, forcedPostCount: count)
        // A stream apart from the plan's, so the plan can grow without changing the posts.
        var random = SeededRandom(seed: seed ^ 0x5157_0B5E_ED00_0001, stream: topic.id)
        let likesPerPost = distributeLikes(plan.likeCount, over: count, random: &random)
        let authors = Self.authorIds
        let step = count > 1 ? plan.lastPostedAt.timeIntervalSince(plan.createdAt) / Double(count - 1) : 0
        var quotes: [(userId: Int, text: String)] = []
        quotes.reserveCapacity(count)
        var posts: [DemoPost] = []
        posts.reserveCapacity(count)
        for index in 0..<count {
            let number = index + 1
            let author =
                number == 1 ? plan.authorId : number == count ? plan.lastPosterId : authors[random.below(authors.count)]
            var body: PostBody
            if number == 1 {
                body = ScaledTemplates.questions[plan.questionIndex].body
                quotes.append((author, Self.questionQuotes[plan.questionIndex]))
            } else {
                let template = random.below(ScaledTemplates.replies.count)
                body = ScaledTemplates.replies[template]
                quotes.append((author, Self.replyQuotes[template]))
            }
            var replyTo: Int?
            if number > 2, random.below(5) == 0 {
                let quoted = 1 + random.below(number - 1)
                let source = quotes[quoted - 1]
                body =
                    .quote(
                        username: SeedPeople.username(ofId: source.userId), postNumber: quoted, topicId: topic.id,
                        text: source.text) + body
                replyTo = quoted
            } else if number > 2, random.below(6) == 0 {
                replyTo = 1 + random.below(number - 1)
            }
            let date = number == count ? plan.lastPostedAt : plan.createdAt.addingTimeInterval(step * Double(index))
            posts.append(
                DemoPost(
                    id: topic.firstPostId + index, topicId: topic.id, postNumber: number, userId: author, raw: body.raw,
                    cooked: body.cooked, createdAt: date, updatedAt: date, replyToPostNumber: replyTo, postType: 1,
                    actionCode: nil, version: 1,
                    likedByUserIds: likers(likesPerPost[index], excluding: author, random: &random),
                    bookmarkedByUserIds: [],
                    hidden: false, deletedAt: nil, reads: 1 + random.below(40), wiki: false))
        }
        return posts
    }

    /// Spreads `total` likes over `count` posts at random, at most `maximumLikesPerPost` each
    /// (the plan never draws more than two likes a post on average, so this always terminates).
    private func distributeLikes(_ total: Int, over count: Int, random: inout SeededRandom) -> [Int] {
        var likes = [Int](repeating: 0, count: count)
        for _ in 0..<min(total, count * Self.maximumLikesPerPost) {
            var index = random.below(count)
            while likes[index] >= Self.maximumLikesPerPost { index = (index + 1) % count }
            likes[index] += 1
        }
        return likes
    }

    /// `count` distinct users other than the author: a run of the author list from a random
    /// start (count is at most `maximumLikesPerPost`, far below the number of authors).
    private func likers(_ count: Int, excluding author: Int, random: inout SeededRandom) -> [Int] {
        guard count > 0 else { return [] }
        let authors = Self.authorIds
        var chosen: [Int] = []
        var index = random.below(authors.count)
        while chosen.count < count {
            if authors[index] != author { chosen.append(authors[index]) }
            index = (index + 1) % authors.count
        }
        return chosen.sorted()
    }
}
