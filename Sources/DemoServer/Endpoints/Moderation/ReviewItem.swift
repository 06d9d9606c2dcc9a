// A reviewable together with what it points at (the flagged post, its topic, the user under
// review), looked up once per request: actions, effects and serialisation all need them.
import DemoCommunity
import Foundation

struct ReviewItem {
    var reviewable: DemoReviewable
    var post: DemoPost?
    var topic: DemoTopic?
    /// The author of the flagged or queued post, or the user under review.
    var targetUser: DemoUser?
}

extension CommunityData {
    /// Materialises the flagged post's topic if needed.
    mutating func reviewItem(_ reviewable: DemoReviewable, using materializer: PostMaterializer) -> ReviewItem {
        var post: DemoPost?
        if let postId = reviewable.postId, let (topicId, index) = locatePost(postId, using: materializer) {
            post = postsByTopic[topicId]?[index]
        }
        let topicId = post?.topicId ?? reviewable.topicId
        return ReviewItem(
            reviewable: reviewable, post: post, topic: topicId.flatMap { topics[$0] },
            targetUser: reviewable.targetUserId.flatMap { users[$0] })
    }

    /// Who holds a claim on the topic's reviewables, if anyone.
    func claimant(ofTopic topicId: Int?) -> Int? {
        guard let topicId else { return nil }
        return reviewables.values.first { $0.topicId == topicId && $0.claimedByUserId != nil }?.claimedByUserId
    }
}
