// The fixed cast of the seeded community: badges, categories and users (see ACCOUNTS.md).
import Foundation

enum SeedPeople {
    static let badges: [DemoBadge] = [
        DemoBadge(id: 1, name: "Basic User", description: "Granted all essential community functions", badgeTypeId: 3),
        DemoBadge(
            id: 2, name: "Member", description: "Granted invitations, group messaging, more likes", badgeTypeId: 3),
        DemoBadge(id: 3, name: "Regular", description: "Granted recategorize, rename, followed links", badgeTypeId: 2),
        DemoBadge(id: 4, name: "Leader", description: "Granted global edit, pin, close, archive", badgeTypeId: 1),
        DemoBadge(id: 5, name: "Solved", description: "Had an answer accepted as the solution", badgeTypeId: 3),
        DemoBadge(id: 6, name: "Guidance Counsellor", description: "Ten accepted solutions", badgeTypeId: 2),
        DemoBadge(id: 7, name: "Nice Reply", description: "Received 10 likes on a reply", badgeTypeId: 3),
        DemoBadge(id: 8, name: "First Quote", description: "Quoted a post", badgeTypeId: 3),
        DemoBadge(id: 9, name: "Welcome", description: "Received a like", badgeTypeId: 3),
        DemoBadge(id: 10, name: "Bug Hunter", description: "Reported a confirmed bug", badgeTypeId: 2),
    ]

    static let categories: [DemoCategory] = [
        category(1, "Announcements", "0E76BD", "Product news from the Lumen team.", solved: false, staffOnly: true),
        category(2, "Getting Started", "25AAE2", "New to Lumen? Start here.", solved: true, staffOnly: false),
        category(3, "How-to", "3AB54A", "Questions about doing things with Lumen.", solved: true, staffOnly: false),
        category(4, "Troubleshooting", "E45735", "Something broken? Describe it here.", solved: true, staffOnly: false),
        category(5, "Billing", "F7941D", "Plans, invoices and payments.", solved: false, staffOnly: false),
        category(6, "Feature Ideas", "9EB83B", "Suggest and vote on improvements.", solved: false, staffOnly: false),
        category(7, "Site Feedback", "808281", "About this forum itself.", solved: false, staffOnly: false),
    ]

    private static func category(
        _ id: Int, _ name: String, _ color: String, _ text: String, solved: Bool, staffOnly: Bool
    ) -> DemoCategory {
        let slug = name.lowercased().replacingOccurrences(of: " ", with: "-")
        return DemoCategory(
            id: id, name: name, slug: slug, color: color, textColor: "FFFFFF", description: text,
            position: id, solvedEnabled: solved, staffOnlyTopics: staffOnly)
    }

    /// (username, name, trust level, role, title, bio). The first seven are documented in ACCOUNTS.md.
    static let cast: [(String, String, Int, DemoUser.Role, String?, String)] = [
        ("admin", "Ada Admin", 4, .admin, "Lumen Team", "Runs this forum."),
        ("moderator", "Morgan Moderator", 4, .moderator, "Community Moderator", "Keeps things tidy."),
        ("mod2", "Max Second-Mod", 3, .moderator, "Community Moderator", "The other moderator."),
        ("alice", "Alice Archer", 2, .user, nil, "Photographer, syncs everything to Lumen."),
        ("bob", "Bob Baker", 1, .user, nil, "Linux user, CLI enthusiast."),
        ("carol", "Carol Chen", 3, .user, "Lumen Champion", "Helps people on the forum."),
        ("newbie", "Nina Newcomer", 0, .user, nil, "Just signed up."),
        ("yuki", "山田 由紀", 2, .user, nil, "東京在住のエンジニアです。"),
        ("wei", "王伟", 2, .user, nil, "在上海做运维工作。"),
        ("layla", "ليلى حسن", 1, .user, nil, "مصممة من القاهرة."),
        ("spammy_deals", "Best Deals", 0, .user, nil, "Cheap watches!!!"),
    ]

    /// Everyone else: (username, full name).
    static let extras: [(String, String)] = [
        ("dave", "Dave Dunn"), ("erin", "Erin O'Brien"), ("frank", "Frank Fischer"), ("grace", "Grace Hopkins"),
        ("heidi", "Heidi Berg"), ("ivan", "Ivan Petrov"), ("judy", "Judy Lin"), ("mallory", "Mallory Quinn"),
        ("niaj", "Niaj Rahman"), ("olivia", "Olivia Santos"), ("peggy", "Peggy Moss"), ("rupert", "Rupert Hale"),
        ("sybil", "Sybil Grant"), ("trent", "Trent Walker"), ("victor", "Víctor Álvarez"), ("walter", "Walter Kim"),
        ("xena", "Xena Park"), ("yara", "Yara Haddad"), ("zane", "Zane Cooper"), ("quinn", "Quinn Taylor"),
        ("liam", "Liam Murphy"), ("maya", "Maya Patel"), ("noah", "Noah Schmidt"), ("emma", "Emma Dubois"),
        ("omar", "Omar Farouk"), ("priya", "Priya Nair"), ("sven", "Sven Lindqvist"), ("tomas", "Tomáš Novák"),
        ("ursula", "Ursula Meyer"),
    ]
    static var extraNames: [String] { extras.map(\.0) }

    private static let extraBios = [
        "Photographer; too many RAW files.", "Sysadmin at a small school.", "Writes code, backs it up twice.",
        "Freelance designer syncing between a Mac and a PC.", "Runs Lumen on a home server.",
        "Just here to keep my family photos safe.", "Student. Notes everywhere.", "Podcaster with big audio files.",
    ]

    /// Days since sign-up of the cast: the newcomer and the spammer joined this week.
    private static func castJoinDays(_ username: String, index: Int) -> Int {
        switch username {
        case "newbie": 3
        case spammerUsername: 2
        default: 400 - index * 7
        }
    }

    static let spammerUsername = "spammy_deals"

    /// Usernames by id: user `id` is `usernames[id - 1]` (the cast first, then the extras).
    static let usernames: [String] = cast.map(\.0) + extraNames

    /// The username of a seeded user id, without looking at the (mutable) community.
    static func username(ofId id: Int) -> String {
        usernames.indices.contains(id - 1) ? usernames[id - 1] : "system"
    }

    static func makeUsers(generatedAt: Date, random: inout SeededRandom) -> [DemoUser] {
        var users: [DemoUser] = []
        for (index, entry) in cast.enumerated() {
            let (username, name, trust, role, title, bio) = entry
            let joined = generatedAt.addingTimeInterval(-Double(castJoinDays(username, index: index)) * 86_400)
            var badges = badgeIds(trust: trust)
            if username == "carol" { badges += [5, 6, 7, 8, 10] }
            if username == "alice" { badges += [5, 8] }
            users.append(
                DemoUser(
                    id: index + 1, username: username, name: name, trustLevel: trust, role: role,
                    createdAt: joined, title: title, bio: bio, badgeIds: badges))
        }
        for (username, name) in extras {
            let trust = random.below(4)
            let joined = generatedAt.addingTimeInterval(-Double(30 + random.below(700)) * 86_400)
            let bio = extraBios[random.below(extraBios.count)]
            users.append(
                DemoUser(
                    id: users.count + 1, username: username, name: name, trustLevel: trust, role: .user,
                    createdAt: joined, title: nil, bio: bio,
                    badgeIds: badgeIds(trust: trust) + (random.below(3) == 0 ? [5, 7] : [])))
        }
        return users
    }

    private static func badgeIds(trust: Int) -> [Int] {
        Array([1, 2, 3, 4].prefix(trust)) + (trust >= 1 ? [9] : [])
    }
}
