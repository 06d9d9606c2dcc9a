// The seeded community's topics, megathread and private messages.
import Foundation

/// Builds the scale-0 community on top of users, badges and categories. What is structural
/// (which threads are solved, unanswered, closed; who wrote the showcase posts) is fixed by
/// title, so it holds for every seed; the seed varies the filler, likes, reads and dates.
struct SeedCommunityBuilder {
    var data: CommunityData
    var random: SeededRandom
    private(set) var topicIdsByTitle: [String: Int] = [:]

    /// A seeded topic before it is built: what it is, who opened it, and when.
    private struct Plan {
        var title: String
        var categoryId: Int
        var tags: [String]
        var serial: Int
        var authorId: Int
        var createdAt: Date
    }

    init(data: CommunityData, random: SeededRandom) {
        self.data = data
        self.random = random
    }

    func userId(_ username: String) -> Int { data.userIdsByUsername[username] ?? 1 }

    /// Members who write replies (not the spammer, not the new user), who had joined by `date`.
    func posters(joinedBefore date: Date) -> [Int] {
        data.users.values.filter {
            $0.username != SeedPeople.spammerUsername && $0.username != "newbie" && $0.createdAt < date
        }.map(\.id).sorted()
    }

    mutating func buildAll() {
        buildTopics()
        buildPrivateMessages()
        var extras = SeedExtras(data: data, random: random, topicIdsByTitle: topicIdsByTitle)
        extras.build()
        data = extras.data
    }

    private mutating func buildTopics() {
        var plans: [Plan] = []
        var serial = 0
        for (categoryId, tags, titles) in SeedTopics.byCategory {
            for title in titles {
                serial += 1
                let author = authorId(title: title, categoryId: categoryId, serial: serial)
                let age = Double(SeedShowcase.ageInDays[title] ?? 2 + random.below(360)) * 86_400
                var createdAt = data.generatedAt.addingTimeInterval(-age - Double(random.below(43_200)))
                if let joined = data.users[author]?.createdAt, createdAt < joined + 86_400 {
                    createdAt = joined + 86_400
                }
                let question = SeedThreads.byTitle[title]?.question ?? ""
                let topicTags = SeedTopics.tags(title: title, question: question, categoryTags: tags)
                plans.append(
                    Plan(
                        title: title, categoryId: categoryId, tags: topicTags, serial: serial, authorId: author,
                        createdAt: createdAt))
            }
        }
        // Topic ids follow creation time, as on a real forum.
        for plan in plans.sorted(by: { $0.createdAt < $1.createdAt }) { build(plan) }
    }

    private func authorId(title: String, categoryId: Int, serial: Int) -> Int {
        if let name = SeedShowcase.authors[title] { return userId(name) }
        if categoryId == 1 { return userId("admin") }
        let regulars = [
            "alice", "bob", "carol", "yuki", "wei", "layla", "dave", "erin", "grace", "ivan", "maya", "omar",
        ]
        return userId(regulars[serial % regulars.count])
    }

    /// Who answers a question: staff in Billing, the helpful regulars elsewhere; never the asker.
    private func answererId(for plan: Plan) -> Int {
        let helpers =
            plan.categoryId == 5
            ? ["moderator", "admin", "mod2"]
            : ["carol", "moderator", "alice", "admin", "yuki", "bob", "wei", "mod2", "grace", "ivan"]
        let candidates = helpers.map(userId).filter { $0 != plan.authorId }
        return candidates[plan.serial % candidates.count]
    }

    private mutating func build(_ plan: Plan) {
        let title = plan.title
        let topicId = data.nextTopicId
        let thread = SeedThreads.byTitle[title] ?? (question: title, answer: "Thanks, that helps.")
        let question: PostBody =
            title == SeedShowcase.welcome
            ? RichBodies.welcome(intro: thread.question)
            : SeedShowcase.questionOverrides[title]
                ?? (.paragraph(thread.question) + (SeedShowcase.questionExtras[title] ?? PostBody()))
        var drafts = [PostDraft(userId: plan.authorId, body: question)]
        let category = data.categories.first { $0.id == plan.categoryId }
        let answered = !SeedShowcase.unanswered.contains(title)
        let solved = answered && category?.solvedEnabled == true && plan.serial % 3 != 0
        if title == SeedTopics.megathreadTitle {
            drafts += Megathread.replies(
                count: CommunityGenerator.megathreadPostCount - 1, topicId: topicId, openerId: plan.authorId,
                opening: question, people: posters(joinedBefore: plan.createdAt), random: &random)
        } else if answered {
            let answerer = answererId(for: plan)
            drafts.append(
                PostDraft(
                    userId: answerer, body: .paragraph(thread.answer) + (SeedShowcase.answerExtras[title] ?? PostBody())
                ))
            if solved, let category {
                drafts.append(
                    PostDraft(
                        userId: plan.authorId,
                        body: RichBodies.friendly(mentioning: SeedPeople.username(ofId: answerer), category: category),
                        replyTo: 2))
            }
            let fillerCount = random.below(plan.serial % 5 == 0 ? 38 : 10)
            drafts += fillerReplies(
                count: fillerCount, after: drafts, topicId: topicId, since: plan.createdAt,
                sentences: SeedTopics.replySentences(inCategory: plan.categoryId))
            // Closing replies answer the question, or (by the asker) the answer.
            for (name, body) in SeedShowcase.closingReplies[title] ?? [] {
                let author = userId(name)
                drafts.append(PostDraft(userId: author, body: body, replyTo: author == plan.authorId ? 2 : 1))
            }
            if title == SeedShowcase.withDeletedReply, drafts.count >= 4 { drafts[drafts.count - 2].deleted = true }
        }
        if title == SeedShowcase.closed {
            drafts.append(
                PostDraft(userId: userId("moderator"), body: PostBody(), postType: 3, actionCode: "closed.enabled"))
        }
        let id = data.assembleTopic(
            title: title, categoryId: plan.categoryId, tags: plan.tags, createdAt: plan.createdAt,
            drafts: drafts, random: &random)
        topicIdsByTitle[title] = id
        guard var topic = data.topics[id] else { return }
        topic.acceptedAnswerPostNumber = solved ? 2 : nil
        topic.closed = title == SeedShowcase.closed
        topic.archived = title == SeedShowcase.archived
        topic.pinned = title == SeedShowcase.welcome || SeedShowcase.pinnedInCategory.contains(title)
        topic.pinnedGlobally = title == SeedShowcase.welcome
        if topic.pinned { topic.views = topic.views * 12 + 2_000 }
        data.topics[id] = topic
    }

    /// Filler replies after `earlier` posts; about a quarter quote an earlier post (its real
    /// first sentence and author), some reply to one without quoting.
    private mutating func fillerReplies(
        count: Int, after earlier: [PostDraft], topicId: Int, since date: Date, sentences: [String]
    ) -> [PostDraft] {
        var quotable = earlier.map { (userId: $0.userId, text: PostBody.firstSentence(ofCooked: $0.body.cooked)) }
        let people = posters(joinedBefore: date)
        var drafts: [PostDraft] = []
        for _ in 0..<count {
            let postNumber = quotable.count + 1
            let author = people[random.below(people.count)]
            let sentence = sentences[random.below(sentences.count)]
            var body = PostBody.paragraph(sentence)
            var replyTo: Int?
            let roll = random.below(8)
            if roll < 2 {
                let quoted = 1 + random.below(postNumber - 1)
                let source = quotable[quoted - 1]
                body =
                    .quote(
                        username: SeedPeople.username(ofId: source.userId), postNumber: quoted, topicId: topicId,
                        text: source.text) + body
                replyTo = quoted
            } else if roll == 2 {
                replyTo = 1 + random.below(postNumber - 1)
            }
            drafts.append(PostDraft(userId: author, body: body, replyTo: replyTo))
            quotable.append((author, sentence))
        }
        return drafts
    }

    private mutating func buildPrivateMessages() {
        let conversations: [(String, [String], [String])] = [
            (
                "Your refund request", ["moderator", "alice"],
                [
                    "Hi Alice, I have passed your refund request to billing.", "Thank you so much!",
                    "Done, you should see it within 5 days.",
                ]
            ),
            (
                "Beta access for the new CLI", ["alice", "bob"],
                [
                    "Bob, want to try the new CLI beta with me?", "Sure, send me the invite.",
                    "Sent! Tell me what breaks.",
                ]
            ),
            (
                "Photo backup workflow", ["carol", "alice", "bob"],
                [
                    "Sharing my workflow privately before I post it.", "Looks great Carol.",
                    "I will borrow the cron part.",
                ]
            ),
            (
                "About your recent flag", ["moderator", "bob"],
                ["Thanks for the flag, we removed the spam.", "Happy to help."]
            ),
            (
                "Moderator handover", ["moderator", "mod2"],
                ["I am away next week, can you watch the queue?", "Of course."]
            ),
        ]
        for (index, (title, members, lines)) in conversations.enumerated() {
            let ids = members.map(userId)
            let drafts = lines.enumerated().map {
                PostDraft(
                    userId: ids[$0.offset % ids.count], body: .paragraph($0.element),
                    replyTo: $0.offset == 0 ? nil : $0.offset)
            }
            let createdAt = data.generatedAt.addingTimeInterval(-Double(5 + index * 3) * 86_400)
            let id = data.assembleTopic(
                title: title, categoryId: nil, tags: [], createdAt: createdAt, drafts: drafts,
                random: &random, archetype: .privateMessage, allowedUserIds: ids.sorted())
            topicIdsByTitle[title] = id
        }
    }
}
