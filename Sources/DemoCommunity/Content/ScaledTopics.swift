// Topic metadata for `scale` generated topics, built eagerly and cheaply; posts come later.
import Foundation

enum ScaledTopics {
    static let bigTopicTitle = (title: "The long-running sync thread", slug: "the-long-running-sync-thread")

    /// Appends `count` scaled topics and the one big topic (last), with contiguous post ids.
    static func append(count: Int, seed: UInt64, to data: inout CommunityData) {
        guard count > 0 else { return }
        data.topics.reserveCapacity(data.topics.count + count + 1)
        for index in 0...count {
            let isBig = index == count
            let id = data.nextTopicId
            data.nextTopicId += 1
            let plan = ScaledTopicPlan(
                seed: seed, topicId: id, forcedPostCount: isBig ? CommunityGenerator.bigGeneratedTopicPostCount : nil)
            let firstPostId = data.nextPostId
            data.nextPostId += plan.postCount
            let (title, slug) = isBig ? bigTopicTitle : ScaledTemplates.titles[plan.titleIndex]
            data.topics[id] = DemoTopic(
                id: id, title: title, slug: slug, categoryId: plan.categoryId,
                tags: ScaledTemplates.tagSets[plan.tagSetIndex],
                archetype: .regular, userId: plan.authorId, createdAt: plan.createdAt, views: plan.views,
                pinned: false, pinnedGlobally: false, closed: false, archived: false, visible: true, deletedAt: nil,
                acceptedAnswerPostNumber: plan.acceptedAnswerPostNumber, allowedUserIds: [],
                highestPostNumber: plan.postCount, postsCount: plan.postCount, lastPostedAt: plan.lastPostedAt,
                lastPosterId: plan.lastPosterId, likeCount: plan.likeCount, firstPostId: firstPostId,
                generatedPostCount: plan.postCount, excerpt: ScaledTemplates.questions[plan.questionIndex].excerpt)
        }
    }
}
