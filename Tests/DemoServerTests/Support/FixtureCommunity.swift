import Foundation

// A small hand-made community with every case the server tests need: staff and users, a
// solved-enabled category, a staff-only one, a globally pinned topic, enough topics for three
// pages, a solved topic, a 1,500-post megathread materialised lazily, a private message, a
// deleted post, a whisper, likes, bookmarks, notifications and User API Keys.
@testable import DemoCommunity

enum Fixture {
    static let referenceDate = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z

    static let adminId = 1, moderatorId = 2, aliceId = 3, bobId = 4, carolId = 5
    static let supportCategoryId = 10, generalCategoryId = 11, announcementsCategoryId = 12
    /// Regular topics in General beyond the named ones (for pagination).
    static let fillerTopicCount = 64
    static let pinnedTopicId = 100
    static let solvedTopicId = 101
    static let megathreadId = 102
    static let privateMessageId = 103
    static let unsolvedTopicId = 104
    static let megathreadPostCount = 1500
    static let aliceKey = "alice-user-api-key"
    static let revokedKey = "revoked-user-api-key"
    static let readOnlyKey = "read-only-user-api-key"

    /// Listed (non-PM, non-deleted) topics.
    static var listedTopicCount: Int { fillerTopicCount + 4 }

    static func makeState() -> CommunityState {
        CommunityState(data: makeData(), materializer: MegathreadMaterializer())
    }

    static func makeData() -> CommunityData {
        var data = CommunityData(
            title: "Fixture Community", description: "A hand-made community for the demo server tests.",
            generatedAt: referenceDate)
        let day: TimeInterval = 86_400
        let users = [
            DemoUser(
                id: adminId, username: "admin", name: "Ada Admin", trustLevel: 4, role: .admin,
                createdAt: referenceDate - 400 * day, badgeIds: [1]),
            DemoUser(
                id: moderatorId, username: "mod", name: "Mo Derator", trustLevel: 4, role: .moderator,
                createdAt: referenceDate - 300 * day),
            DemoUser(
                id: aliceId, username: "alice", name: "Alice Liddell", trustLevel: 2, role: .user,
                createdAt: referenceDate - 200 * day, title: "Regular", bio: "I ask questions.", badgeIds: [1, 2]),
            DemoUser(
                id: bobId, username: "bob", name: "Bob Builder", trustLevel: 1, role: .user,
                createdAt: referenceDate - 100 * day),
            DemoUser(
                id: carolId, username: "Carol", name: nil, trustLevel: 1, role: .user,
                createdAt: referenceDate - 50 * day),
        ]
        for user in users {
            data.users[user.id] = user
            data.userIdsByUsername[user.username.lowercased()] = user.id
        }
        data.badges = [
            DemoBadge(id: 1, name: "Basic", description: "Granted all essential community functions", badgeTypeId: 3),
            DemoBadge(id: 2, name: "Solution Institution", description: "Had answers accepted", badgeTypeId: 2),
        ]
        data.categories = [
            DemoCategory(
                id: supportCategoryId, name: "Support", slug: "support", color: "0088CC", textColor: "FFFFFF",
                description: "Ask for help here.", position: 1, solvedEnabled: true, staffOnlyTopics: false),
            DemoCategory(
                id: generalCategoryId, name: "General", slug: "general", color: "25AAE2", textColor: "FFFFFF",
                description: "Everything else.", position: 2, solvedEnabled: false, staffOnlyTopics: false),
            DemoCategory(
                id: announcementsCategoryId, name: "Announcements", slug: "announcements", color: "E45735",
                textColor: "FFFFFF", description: "News from the team.", position: 0, solvedEnabled: false,
                staffOnlyTopics: true),
        ]

        var nextPostId = 1
        func add(
            _ topic: DemoTopic, posts: [(user: Int, raw: String, replyTo: Int?)],
            extra: (inout [DemoPost]) -> Void = { _ in }
        ) {
            var topic = topic
            topic.firstPostId = nextPostId
            var made: [DemoPost] = []
            for (index, spec) in posts.enumerated() {
                let created = topic.createdAt + Double(index) * 3600
                made.append(
                    DemoPost(
                        id: nextPostId, topicId: topic.id, postNumber: index + 1, userId: spec.user, raw: spec.raw,
                        cooked: "<p>\(spec.raw)</p>", createdAt: created, updatedAt: created,
                        replyToPostNumber: spec.replyTo,
                        postType: 1, actionCode: nil, version: 1, likedByUserIds: [], bookmarkedByUserIds: [],
                        hidden: false,
                        deletedAt: nil, reads: 10 + index, wiki: false))
                nextPostId += 1
            }
            extra(&made)
            topic.generatedPostCount = made.count
            topic.highestPostNumber = made.count
            topic.postsCount = made.filter { $0.deletedAt == nil && $0.postType != 4 }.count
            topic.lastPosterId = made.last?.userId ?? topic.userId
            topic.lastPostedAt = made.last?.createdAt ?? topic.createdAt
            topic.likeCount = made.reduce(0) { $0 + $1.likeCount }
            data.topics[topic.id] = topic
            data.postsByTopic[topic.id] = made
        }

        add(
            topic(
                pinnedTopicId, "Welcome to the fixture community", category: announcementsCategoryId, user: adminId,
                daysAgo: 90, pinnedGlobally: true),
            posts: [(adminId, "Welcome! Please read the guidelines before posting.", nil)])
        add(
            topic(
                solvedTopicId, "Printer driver crashes on resume", category: supportCategoryId, user: aliceId,
                daysAgo: 1, tags: ["printing", "drivers"], accepted: 3),
            posts: [
                (aliceId, "My printer driver crashes whenever the laptop resumes from sleep.", nil),
                (bobId, "Which version of the driver are you running?", 1),
                (
                    moderatorId,
                    "Reinstall the driver from the vendor site, then reboot. See https://example.com/drivers", 1
                ),
                (aliceId, "That fixed it, thank you! [quote=\"mod, post:3\"]Reinstall[/quote]", 3),
                (moderatorId, "Staff only: watch this thread.", nil),
                (bobId, "Spam spam spam", nil),
            ]
        ) { posts in
            posts[2].likedByUserIds = [aliceId, bobId]
            posts[2].bookmarkedByUserIds = [aliceId]
            posts[4].postType = 4
            posts[5].deletedAt = referenceDate - 3600
        }
        add(
            topic(
                megathreadId, "The never-ending megathread", category: generalCategoryId, user: bobId, daysAgo: 30,
                tags: ["megathread"]),
            posts: [])
        add(
            topic(
                privateMessageId, "A private word", category: nil, user: aliceId, daysAgo: 2, allowed: [aliceId, bobId]),
            posts: [(aliceId, "Bob, can we talk about the printer thread?", nil), (bobId, "Sure, what is up?", 1)])
        add(
            topic(
                unsolvedTopicId, "Keyboard layout resets after update", category: supportCategoryId, user: bobId,
                daysAgo: 3, tags: ["keyboard"]),
            posts: [(bobId, "After every update the keyboard layout goes back to US.", nil)])
        for index in 0..<fillerTopicCount {
            let id = 200 + index
            add(
                topic(
                    id, "General chat number \(index)", category: generalCategoryId,
                    user: index % 2 == 0 ? aliceId : bobId,
                    daysAgo: Double(40 + index)),
                posts: [
                    (index % 2 == 0 ? aliceId : bobId, "Filler topic \(index) about everyday things.", nil),
                    (carolId, "A reply to filler \(index).", 1),
                ])
        }

        // The megathread's posts are left to the materialiser, as generated topics are.
        if var mega = data.topics[megathreadId] {
            mega.firstPostId = 100_000
            mega.generatedPostCount = megathreadPostCount
            mega.highestPostNumber = megathreadPostCount
            mega.postsCount = megathreadPostCount
            mega.lastPosterId = carolId
            mega.lastPostedAt = mega.createdAt + Double(megathreadPostCount) * 600
            data.topics[megathreadId] = mega
            data.postsByTopic[megathreadId] = nil
        }
        data.nextPostId = 200_000
        data.nextTopicId = 1000

        data.lastReadPostNumber[aliceId] = [solvedTopicId: 2, privateMessageId: 1]
        data.notifications = [
            1: DemoNotification(
                id: 1, userId: aliceId, notificationType: 2, read: false, highPriority: false,
                createdAt: referenceDate - 7200, topicId: solvedTopicId, postNumber: 3,
                slug: "printer-driver-crashes-on-resume",
                data: [
                    "topic_title": "Printer driver crashes on resume", "display_username": "mod",
                    "original_post_id": "3",
                ]),
            2: DemoNotification(
                id: 2, userId: aliceId, notificationType: 6, read: true, highPriority: true,
                createdAt: referenceDate - 9000, topicId: privateMessageId, postNumber: 2,
                slug: "a-private-word", data: ["topic_title": "A private word", "display_username": "bob"]),
            3: DemoNotification(
                id: 3, userId: bobId, notificationType: 5, read: false, highPriority: false,
                createdAt: referenceDate - 100, topicId: solvedTopicId, postNumber: 2,
                slug: "printer-driver-crashes-on-resume", data: ["display_username": "alice"]),
        ]
        data.nextNotificationId = 4
        data.userApiKeys = [
            aliceKey: DemoUserApiKey(
                key: aliceKey, userId: aliceId, clientId: "fora-test", applicationName: "fora",
                scopes: ["read", "write"], createdAt: referenceDate),
            revokedKey: DemoUserApiKey(
                key: revokedKey, userId: bobId, clientId: "fora-test", applicationName: "fora",
                scopes: ["read", "write"], createdAt: referenceDate, revokedAt: referenceDate),
            readOnlyKey: DemoUserApiKey(
                key: readOnlyKey, userId: bobId, clientId: "fora-test", applicationName: "fora",
                scopes: ["read"], createdAt: referenceDate),
        ]
        data.nextUserId = 6
        return data
    }

    private static func topic(
        _ id: Int, _ title: String, category: Int?, user: Int, daysAgo: Double, tags: [String] = [],
        pinnedGlobally: Bool = false, accepted: Int? = nil, allowed: [Int] = []
    ) -> DemoTopic {
        DemoTopic(
            id: id, title: title,
            slug: title.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: "-"),
            categoryId: category, tags: tags, archetype: category == nil ? .privateMessage : .regular, userId: user,
            createdAt: referenceDate - daysAgo * 86_400, views: 100 + id, pinned: pinnedGlobally,
            pinnedGlobally: pinnedGlobally, closed: false, archived: false, visible: true, deletedAt: nil,
            acceptedAnswerPostNumber: accepted, allowedUserIds: allowed, highestPostNumber: 0, postsCount: 0,
            lastPostedAt: referenceDate, lastPosterId: user, likeCount: 0, firstPostId: 0, generatedPostCount: 0,
            excerpt: "\(title): the first post.")
    }
}

/// Makes the megathread's posts on demand, as the content generator makes generated topics'.
struct MegathreadMaterializer: PostMaterializer {
    func generatedPosts(of topic: DemoTopic, in data: CommunityData) -> [DemoPost] {
        guard topic.id == Fixture.megathreadId else { return [] }
        let authors = [Fixture.bobId, Fixture.aliceId, Fixture.carolId]
        return (1...topic.generatedPostCount).map { number in
            let created = topic.createdAt + Double(number - 1) * 600
            return DemoPost(
                id: topic.firstPostId + number - 1, topicId: topic.id, postNumber: number,
                userId: number == topic.generatedPostCount ? topic.lastPosterId : authors[number % 3],
                raw: "Megathread message number \(number).", cooked: "<p>Megathread message number \(number).</p>",
                createdAt: created, updatedAt: created,
                replyToPostNumber: number > 1 && number % 5 == 0 ? number - 1 : nil,
                postType: 1, actionCode: nil, version: 1, likedByUserIds: number % 7 == 0 ? [Fixture.aliceId] : [],
                bookmarkedByUserIds: [], hidden: false, deletedAt: nil, reads: 5, wiki: false)
        }
    }
}
