// The notifications of alice, bob and moderator, each derived from a real post.
import Foundation

/// Finds, for each notified member, the posts a real forum would have told them about: replies
/// to their posts, quotes and @mentions of them, likes of their posts, messages, a badge and
/// an accepted solution. Ids follow time, and older ones are read.
struct SeedNotifications {
    var data: CommunityData
    let topicIdsByTitle: [String: Int]

    /// Discourse's notification type ids (api-brief §8).
    private enum Kind {
        static let mentioned = 1, replied = 2, quoted = 3, liked = 5, privateMessage = 6, posted = 9
        static let grantedBadge = 12, custom = 14
    }

    private struct Pending {
        var userId: Int
        var type: Int
        /// nil for a badge, which belongs to no topic.
        var topic: DemoTopic?
        var postNumber: Int?
        var date: Date
        var payload: [String: String]
    }

    static let notifiedUsernames = ["alice", "bob", "moderator"]
    /// Per kind, how many notifications one member gets at most (the most recent ones).
    private static let perKind = 3

    mutating func build() {
        var pending: [Pending] = []
        for username in Self.notifiedUsernames {
            guard let userId = data.userIdsByUsername[username] else { continue }
            pending += postNotifications(for: userId)
            pending += badgeAndSolution(for: userId)
        }
        for item in pending.sorted(by: { ($0.date, $0.userId) < ($1.date, $1.userId) }) {
            let id = data.nextNotificationId
            data.nextNotificationId += 1
            let age = data.generatedAt.timeIntervalSince(item.date)
            data.notifications[id] = DemoNotification(
                id: id, userId: item.userId, notificationType: item.type, read: age > 7 * 86_400,
                highPriority: item.type == Kind.privateMessage, createdAt: item.date, topicId: item.topic?.id,
                postNumber: item.postNumber, slug: item.topic?.slug, data: item.payload)
        }
    }

    /// Replied, quoted, mentioned, posted, private message and liked, from the posts themselves.
    private func postNotifications(for userId: Int) -> [Pending] {
        let username = SeedPeople.username(ofId: userId)
        var found: [Int: [Pending]] = [:]
        for topic in data.topics.values.sorted(by: { $0.id < $1.id }) {
            guard let posts = data.postsByTopic[topic.id] else { continue }
            let canSee = !topic.isPrivateMessage || topic.allowedUserIds.contains(userId)
            guard canSee else { continue }
            for post in posts where post.postType == 1 && post.deletedAt == nil {
                if post.userId == userId {
                    if let liker = post.likedByUserIds.last {
                        found[Kind.liked, default: []].append(
                            pending(userId, Kind.liked, topic, post, by: liker, at: post.createdAt + 7_200))
                    }
                    continue
                }
                let kind: Int?
                if post.cooked.contains("class=\"mention\" href=\"/u/\(username)\"") {
                    kind = Kind.mentioned
                } else if post.cooked.contains("data-username=\"\(username)\"") {
                    kind = Kind.quoted
                } else if let target = post.replyToPostNumber,
                    posts.first(where: { $0.postNumber == target })?.userId == userId
                {
                    kind = Kind.replied
                } else if topic.isPrivateMessage {
                    kind = Kind.privateMessage
                } else if topic.userId == userId, post.postNumber > 1 {
                    kind = Kind.posted
                } else {
                    kind = nil
                }
                if let kind {
                    found[kind, default: []].append(
                        pending(userId, kind, topic, post, by: post.userId, at: post.createdAt))
                }
            }
        }
        return found.keys.sorted().flatMap { found[$0, default: []].sorted { $0.date < $1.date }.suffix(Self.perKind) }
    }

    /// The Solved badge, and the solved plugin's custom notification for an accepted answer.
    private func badgeAndSolution(for userId: Int) -> [Pending] {
        let solvedTopics = data.topics.values.filter { topic in
            topic.acceptedAnswerPostNumber.flatMap { number in
                data.postsByTopic[topic.id]?.first { $0.postNumber == number }
            }?
            .userId == userId
        }.sorted { $0.id < $1.id }
        guard let topic = solvedTopics.last, let number = topic.acceptedAnswerPostNumber,
            let answer = data.postsByTopic[topic.id]?.first(where: { $0.postNumber == number })
        else { return [] }
        let accepter = SeedPeople.username(ofId: topic.userId)
        let accepted = answer.createdAt + 3_600
        var solution = Pending(
            userId: userId, type: Kind.custom, topic: topic, postNumber: number, date: accepted,
            payload: [
                "message": "solved.accepted_notification", "display_username": accepter, "topic_title": topic.title,
                "title": "solved.notification.title",
            ])
        solution.payload["original_post_id"] = String(answer.id)
        let badge = Pending(
            userId: userId, type: Kind.grantedBadge, topic: nil, postNumber: nil, date: accepted + 600,
            payload: [
                "badge_id": "5", "badge_name": "Solved", "badge_slug": "solved", "badge_title": "false",
                "username": SeedPeople.username(ofId: userId),
            ])
        return [solution, badge]
    }

    private func pending(_ userId: Int, _ type: Int, _ topic: DemoTopic, _ post: DemoPost, by actor: Int, at date: Date)
        -> Pending
    {
        let actorName = SeedPeople.username(ofId: actor)
        return Pending(
            userId: userId, type: type, topic: topic, postNumber: post.postNumber,
            date: min(date, data.generatedAt - 60),
            payload: [
                "topic_title": topic.title, "original_post_id": String(post.id), "original_post_type": "1",
                "original_username": actorName, "display_username": actorName,
            ])
    }
}
