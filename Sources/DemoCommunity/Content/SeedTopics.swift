// Titles and reply text of the seeded support threads.

enum SeedTopics {
    /// (category id, tags, titles) — the seeded topics, category by category.
    static let byCategory: [(Int, [String], [String])] = [
        (
            1, ["announcement"],
            [
                "Welcome to the Lumen Community!", "Lumen 5.2 released: faster sync and a new CLI",
                "Scheduled maintenance on November 20", "Changes to the Free plan storage limits",
            ]
        ),
        (
            2, ["desktop", "mobile"],
            [
                "How do I install Lumen on Ubuntu?", "First sync takes forever, is this normal?",
                "Which folders should I sync first?", "Setting up Lumen on a new phone",
                "Difference between backup and sync?", "Can I use Lumen without an account?",
                "Where are my files stored on disk?", "Getting started with the Lumen CLI",
                "Linking a second computer", "Two-factor authentication setup",
            ]
        ),
        (
            3, ["sync", "desktop", "cli", "api", "linux"],
            [
                "How to exclude node_modules from sync", "How to restore a deleted file from history",
                "Using the API to list files in a folder", "Schedule syncs only at night",
                "Move the Lumen folder to an external drive", "Share a folder read-only with a colleague",
                "Script backups with cron and the CLI", "Limit upload bandwidth on metered networks",
                "Export my photo library to another service", "Use Lumen with a NAS over SMB",
                "Set up selective sync on mobile", "Automate uploads with the API token",
                "Encrypt a folder client-side", "Sync dotfiles between machines",
            ]
        ),
        (
            4, ["sync", "desktop", "mobile", "linux", "api"],
            [
                "Sync stuck at 99% on Windows", "Mobile app crashes on launch after update",
                "ERR_QUOTA even though I have space left", "CLI says 'token expired' every hour",
                "Files duplicated with (conflict) suffix", "High CPU usage while idle on macOS",
                "Linux AppImage will not start on Fedora", "API returns 429 Too Many Requests",
                "Photos upload in wrong orientation", "Login loop in the desktop app",
                "Deleted files keep coming back", "Sync very slow on Wi-Fi only",
                "Symlinks are not followed on Linux", "Notification badge never clears on iOS",
                "Cannot rename folders with emoji in the name", "Proxy settings ignored by the CLI",
                "Web app shows blank page in Firefox", "Strange characters in my sync log",
            ]
        ),
        (
            5, ["billing"],
            [
                "How do I switch from monthly to yearly?", "Charged twice this month",
                "VAT missing on my invoice", "Student discount available?",
                "Cancel my subscription", "Family plan: how many members?",
                "Payment failed but card is fine", "Downgrade from Pro to Plus",
            ]
        ),
        (
            6, ["feature-request"],
            [
                "Dark mode for the web app", "End-to-end encryption for shared folders",
                "A native ARM Linux build", "Let me pause sync per folder",
                "Show sync progress in the menu bar", "Keyboard shortcuts in the web app",
                "Share your Lumen setup", "Webhooks for file changes",
            ]
        ),
        (
            7, ["site-feedback"],
            [
                "The forum search misses code blocks", "Can we have a category for the API?",
                "Thank you, moderators!",
            ]
        ),
    ]

    static let megathreadTitle = "Share your Lumen setup"

    /// Filler replies of support threads (Getting Started, How-to, Troubleshooting), also
    /// used by the scaled topics.
    static let replySentences = [
        "Same here, this started after the last update.",
        "Have you tried signing out and back in? That fixed it for me.",
        "Which version are you on? Check Help → About.",
        "I can confirm this on Linux too.",
        "Thanks, that worked perfectly!",
        "Could you post the relevant part of your log?",
        "We are looking into this, thanks for the report.",
        "I worked around it by excluding the cache folder.",
        "Still happening for me with 5.2.",
        "Great tip, I did not know about that option.",
        "Same on Windows 11 here.",
        "Restarting the app did nothing for me, but a reboot did.",
        "Is there an issue tracker where I can follow this?",
        "Worked for me too, thanks!",
    ]

    /// Filler replies by category id, where support sentences would read oddly.
    static let replySentencesByCategory: [Int: [String]] = [
        1: [
            "Thanks for the update!", "Great news.", "Will this affect the CLI as well?",
            "Installed it today, works well.",
            "Thanks for the heads-up.", "Is there a changelog with all the details?",
        ],
        5: [
            "Same thing happened to me last month.", "Support sorted it out for me within a day.",
            "The Billing history page lists every charge, worth a look.", "Thanks for explaining, that is clearer now.",
            "Does this also apply to the Family plan?", "Good to know, thanks!",
        ],
        6: [
            "+1, I would use this every day.", "Yes please!", "Any news on this?", "This would be great for teams too.",
            "I would pay extra for this.", "Voted.", "Is this on the roadmap?",
        ],
        7: ["Agreed.", "Thanks for looking into it.", "+1", "Good idea."],
    ]

    static func replySentences(inCategory categoryId: Int) -> [String] {
        replySentencesByCategory[categoryId] ?? replySentences
    }

    /// Tags by the words of a title or question that call for them (whole words, or phrases).
    static let tagKeywords: [(tag: String, words: [String])] = [
        ("linux", ["linux", "ubuntu", "fedora", "appimage", "symlinked", "symlinks", "raspberry", "arm"]),
        ("cli", ["cli", "cron", "command line", "headless"]),
        ("api", ["api", "webhook", "token", "script"]),
        ("mobile", ["mobile", "phone", "ios", "android", "photos", "photo"]),
        ("desktop", ["desktop", "windows", "macos", "menu bar", "computer", "laptop", "laptops"]),
        ("sync", ["sync", "syncs", "synced", "syncing", "conflict"]),
        (
            "billing",
            ["billing", "invoice", "plan", "charged", "charges", "payment", "discount", "subscription", "vat"]
        ),
        ("security", ["encrypt", "encrypted", "two-factor", "vault", "vaults"]),
    ]

    /// The tags of a seeded topic: the keywords its title and question mention (at most three),
    /// or the category's own tag when none does.
    static func tags(title: String, question: String, categoryTags: [String]) -> [String] {
        let text = (title + " " + question).lowercased()
        let words = Set(text.split { !($0.isLetter || $0.isNumber || $0 == "-") }.map(String.init))
        let matched = tagKeywords.filter { entry in
            entry.words.contains { $0.contains(" ") ? text.contains($0) : words.contains($0) }
        }.map(\.tag)
        return matched.isEmpty ? Array(categoryTags.prefix(1)) : Array(matched.prefix(3))
    }
}
