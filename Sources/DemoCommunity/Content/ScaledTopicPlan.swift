// The metadata of one scaled topic, drawn from its own random stream.
import Foundation

/// Everything about a scaled topic that is decided before its posts exist. Each topic draws
/// from its own stream (seed + topic id), so the materialiser can redraw the plan of any one
/// topic without replaying the others, and without trusting the topic's current metadata
/// (which writes may have changed since generation: new replies, likes, a new last poster).
struct ScaledTopicPlan {
    static let maximumRegularPostCount = 39

    let postCount: Int
    let createdAt: Date
    let lastPostedAt: Date
    let authorId: Int
    let lastPosterId: Int
    let likeCount: Int
    let titleIndex: Int
    let categoryId: Int
    let tagSetIndex: Int
    let views: Int
    let acceptedAnswerPostNumber: Int?
    let questionIndex: Int

    /// - Parameter forcedPostCount: the post count of the big topic; regular topics draw theirs.
    init(seed: UInt64, topicId: Int, forcedPostCount: Int? = nil) {
        var random = SeededRandom(seed: seed, stream: topicId)
        let drawnCount = 1 + random.below(Self.maximumRegularPostCount)
        postCount = forcedPostCount ?? drawnCount
        let now = CommunityGenerator.generatedAt
        let age = 3_600 + random.below(700 * 86_400)
        createdAt = now.addingTimeInterval(-Double(age))
        lastPostedAt = postCount == 1 ? createdAt : createdAt.addingTimeInterval(Double(60 + random.below(age - 120)))
        let authors = ScaledPostMaterializer.authorIds
        authorId = authors[random.below(authors.count)]
        let drawnLastPoster = authors[random.below(authors.count)]
        lastPosterId = postCount == 1 ? authorId : drawnLastPoster
        // At most three likes a post, so every post can find distinct likers.
        likeCount = random.below(postCount * 2 + 1)
        titleIndex = random.below(ScaledTemplates.titles.count)
        categoryId = ScaledTemplates.categoryIds[random.below(ScaledTemplates.categoryIds.count)]
        tagSetIndex = random.below(ScaledTemplates.tagSets.count)
        views = postCount * 4 + random.below(900)
        let solvable = ScaledTemplates.solvedCategoryIds.contains(categoryId) && postCount >= 2 && random.below(3) == 0
        let answer = 2 + random.below(max(postCount - 1, 1))
        acceptedAnswerPostNumber = solvable ? answer : nil
        questionIndex = random.below(ScaledTemplates.questions.count)
    }
}
