// Where the seeded community shows off: which thread carries which piece of markup, who
// writes it, and which threads stay unanswered. Fixed by title, so it holds for every seed.

enum SeedShowcase {
    /// Authors of particular threads (the rest rotate through the members).
    static let authors: [String: String] = [
        "Setting up Lumen on a new phone": "yuki",
        "Photos upload in wrong orientation": "wei",
        "Login loop in the desktop app": "layla",
        "Strange characters in my sync log": "bob",
        "Getting started with the Lumen CLI": "bob",
        "Two-factor authentication setup": "newbie",
        "Sync stuck at 99% on Windows": "alice",
        "How to restore a deleted file from history": "alice",
        "Mobile app crashes on launch after update": "alice",
        "Charged twice this month": "alice",
        "Script backups with cron and the CLI": "bob",
        "Linux AppImage will not start on Fedora": "bob",
        "Scheduled maintenance on November 20": "moderator",
        "Thank you, moderators!": "carol",
        "Share your Lumen setup": "carol",
    ]

    /// Days before `generatedAt` of threads whose age matters (the rest are drawn).
    static let ageInDays: [String: Int] = [
        "Welcome to the Lumen Community!": 395, "Share your Lumen setup": 300,
        "Changes to the Free plan storage limits": 60, "Lumen 5.2 released: faster sync and a new CLI": 21,
        "Scheduled maintenance on November 20": 9, "Mobile app crashes on launch after update": 18,
        "Two-factor authentication setup": 1,
    ]

    /// Questions nobody has answered yet (the topic keeps its single post).
    static let unanswered: Set<String> = [
        "Two-factor authentication setup", "Use Lumen with a NAS over SMB", "Sync dotfiles between machines",
        "Notification badge never clears on iOS", "Proxy settings ignored by the CLI",
        "Web app shows blank page in Firefox", "VAT missing on my invoice", "Webhooks for file changes",
        "Keyboard shortcuts in the web app",
    ]

    /// First posts written entirely in another script.
    static let questionOverrides: [String: PostBody] = [
        "Setting up Lumen on a new phone": RichBodies.japanese,
        "Photos upload in wrong orientation": RichBodies.chinese,
        "Login loop in the desktop app": RichBodies.arabic,
        "Strange characters in my sync log": RichBodies.hostile,
    ]

    /// Markup added after the question's text.
    static let questionExtras: [String: PostBody] = [
        "Sync stuck at 99% on Windows": RichBodies.formatting,
        "Lumen 5.2 released: faster sync and a new CLI": RichBodies.linksAndImages,
        "Changes to the Free plan storage limits": RichBodies.table,
        "A native ARM Linux build": RichBodies.poll,
        "API returns 429 Too Many Requests": .code(
            "python",
            "for page in range(100):\n    r = session.get(url, params={\"page\": page})\n    r.raise_for_status()"),
    ]

    /// Markup added after the answer's text.
    static let answerExtras: [String: PostBody] = [
        "How do I install Lumen on Ubuntu?": .code(
            "bash", "curl -fsSL https://example.com/lumen/apt.sh | sudo bash\nsudo apt install lumen"),
        "How to exclude node_modules from sync": .code("text", "node_modules/\n*.tmp\n.cache/"),
        "Script backups with cron and the CLI": .code(
            "bash",
            "# m h dom mon dow  command\n30 2 * * * LUMEN_TOKEN=\"$(cat /root/.lumen-token)\" lumen backup run --quiet"),
        "Using the API to list files in a folder": .code(
            "bash",
            "curl -H \"Authorization: Bearer $TOKEN\" \\\n  'https://api.lumen.example/v2/files?path=/Reports&recursive=false'"
        )
            + .code("json", "{\n  \"files\": [\n    { \"name\": \"q3.pdf\", \"size\": 182044 }\n  ]\n}"),
        "Linux AppImage will not start on Fedora": .code("bash", "sudo dnf install fuse-libs\n./Lumen-5.2.AppImage"),
        "CLI says 'token expired' every hour": .code("bash", "lumen logout\nlumen login --device"),
        "Getting started with the Lumen CLI": RichBodies.codeAndLists,
        "How to restore a deleted file from history": RichBodies.footnotes,
    ]

    /// Replies appended after the filler, as (author, body).
    static let closingReplies: [String: [(String, PostBody)]] = [
        "Sync stuck at 99% on Windows": [("bob", RichBodies.detailsAndSpoiler)],
        "Setting up Lumen on a new phone": [("yuki", RichBodies.japaneseThanks)],
        "Login loop in the desktop app": [("yara", RichBodies.hebrew)],
        "Mobile app crashes on launch after update": [
            ("carol", RichBodies.ping("moderator", "could you pin this until 5.2.1 is out?"))
        ],
        "First sync takes forever, is this normal?": [
            ("carol", RichBodies.ping("alice", "you had the same question last year, what did you exclude?"))
        ],
        "Files duplicated with (conflict) suffix": [
            ("moderator", RichBodies.ping("bob", "is this the same issue you reported by message?"))
        ],
        "Deleted files keep coming back": [
            (
                "alice",
                .blockQuote("Another device is offline with an old copy")
                    + .paragraph("That was it: an old laptop in a drawer.")
            )
        ],
    ]

    /// The thread with a deleted reply, the closed one and the archived one.
    static let withDeletedReply = "Deleted files keep coming back"
    static let closed = "Charged twice this month"
    static let archived = "Can I use Lumen without an account?"
    static let pinnedInCategory: Set<String> = [
        "How do I install Lumen on Ubuntu?", "Scheduled maintenance on November 20",
    ]
    static let welcome = "Welcome to the Lumen Community!"
}
