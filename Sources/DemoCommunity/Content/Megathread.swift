// The replies of the 1,500-post megathread "Share your Lumen setup".

/// Setup descriptions composed from parts, so 1,500 replies read differently, with quotes of
/// and replies to earlier posts, and now and then a config block, a list or an emoji.
enum Megathread {
    private static let devices = [
        "a ThinkPad running Fedora", "an old iMac", "two Windows desktops", "a Raspberry Pi 5 with the CLI",
        "a Synology NAS", "an iPhone 15", "a Pixel 8", "a Steam Deck", "my work MacBook",
        "a home server in the cupboard",
    ]
    private static let uses = [
        "I sync Documents and Desktop everywhere", "only the camera roll goes up, nothing comes down",
        "the whole home folder is backed up nightly", "music lives in a vault", "my thesis is in three places at once",
        "shared folders with my partner for bills and recipes", "the CLI backs up Postgres dumps every hour",
        "a read-only share for my clients",
    ]
    private static let tips = [
        "Tip: exclude .cache and node_modules.", "Selective sync saved my small SSD.",
        "LAN sync makes the first copy ten times faster.", "Schedule big uploads at night.",
        "Version history has saved me twice this year.", "Vaults are slower, but worth it for taxes.",
        "I keep a .lumenignore in every project.", "Metered mode on the phone is a must.",
    ]
    private static let reactions = [
        "Nice setup!", "Stealing this idea.", "How do you handle conflicts with that?", "Same here, works great.",
        "Which plan do you need for that much data?", "Love it.",
    ]

    /// The replies (post 2 onwards) of a megathread of `count` posts opened by `openerId`.
    static func replies(
        count: Int, topicId: Int, openerId: Int, opening: PostBody, people: [Int], random: inout SeededRandom
    ) -> [PostDraft] {
        var drafts: [PostDraft] = []
        drafts.reserveCapacity(count)
        var quotable: [(userId: Int, text: String)] = [(openerId, PostBody.firstSentence(ofCooked: opening.cooked))]
        for index in 0..<count {
            let postNumber = index + 2
            let author = people[random.below(people.count)]
            var body = setup(random: &random)
            var replyTo: Int?
            let roll = random.below(10)
            if postNumber > 2, roll < 2 {
                let quoted = max(1, postNumber - 1 - random.below(min(postNumber - 1, 40)))
                let source = quotable[quoted - 1]
                body =
                    .quote(
                        username: SeedPeople.username(ofId: source.userId), postNumber: quoted, topicId: topicId,
                        text: source.text) + .paragraph(reactions[random.below(reactions.count)])
                replyTo = quoted
            } else if postNumber > 2, roll == 2 {
                replyTo = postNumber - 1 - random.below(min(postNumber - 2, 5))
                body = .paragraph(reactions[random.below(reactions.count)])
            } else if roll == 3 {
                body = body + .code("yaml", "sync:\n  folders: [Documents, Photos]\n  schedule: \"22:00-07:00\"")
            } else if roll == 4 {
                body =
                    body
                    + .inline(raw: "Happy with it so far :+1:", cooked: "Happy with it so far \(PostBody.emoji("+1"))")
            }
            quotable.append((author, PostBody.firstSentence(ofCooked: body.cooked)))
            drafts.append(PostDraft(userId: author, body: body, replyTo: replyTo))
        }
        return drafts
    }

    private static func setup(random: inout SeededRandom) -> PostBody {
        let first = devices[random.below(devices.count)]
        var second = devices[random.below(devices.count)]
        if second == first { second = devices[((devices.firstIndex(of: first) ?? 0) + 1) % devices.count] }
        let use = uses[random.below(uses.count)]
        let tip = tips[random.below(tips.count)]
        if random.below(4) == 0 {
            return .paragraph("My setup:")
                + .list([first.capitalizedFirst, second.capitalizedFirst, use.capitalizedFirst])
                + .paragraph(tip)
        }
        return .paragraph("My setup is \(first) and \(second); \(use). \(tip)")
    }
}

extension String {
    /// The string with its first letter upper-cased ("an old iMac" → "An old iMac").
    fileprivate var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
