// The template bank of scaled topics: titles, questions and replies of varied shape.

/// Text for the thousands of generated topics. Everything derived from a template (slug,
/// excerpt) is computed once here, so building 50,000 topics does no string work per topic.
enum ScaledTemplates {
    static let subjects = [
        "Desktop app", "Mobile app", "CLI", "API", "Web app", "Sync engine", "Photo backup",
        "Selective sync", "Shared folders", "Version history", "Linux client", "Billing page",
    ]
    static let problems = [
        "keeps asking me to log in", "is slow after the update", "shows a wrong file count",
        "question about limits", "fails with error 500", "tips and tricks", "does not start",
        "uses too much memory", "ignores my settings", "feature suggestion",
    ]
    static let tagSets = [
        ["desktop"], ["mobile"], ["cli", "linux"], ["api"], ["sync"], ["billing"], ["sync", "desktop"],
    ]
    /// Categories open to everyone (not Announcements); the first three have solutions enabled.
    static let categoryIds = [2, 3, 4, 5, 6, 7]
    static let solvedCategoryIds: Set<Int> = [2, 3, 4]

    /// (title, slug) pairs.
    static let titles: [(title: String, slug: String)] = subjects.flatMap { subject in
        problems.map { problem in
            let title = "\(subject) \(problem)"
            return (title, CommunityData.slugify(title))
        }
    }

    /// First posts, with their excerpts precomputed.
    static let questions: [(body: PostBody, excerpt: String)] = [
        PostBody.paragraph("Since this week it behaves differently and I could not find anything in the docs. Ideas?"),
        .paragraph("Short question: is this expected, or should I file a bug?"),
        .paragraph("Here is what I see when I run it:") + .code("bash", "$ lumen status\nsync: paused (quota)"),
        .paragraph("Steps to reproduce:")
            + .list(["Open the app", "Pick a large folder", "Wait ten minutes"], ordered: true)
            + .paragraph("The progress bar never moves past the first file."),
        .inline(
            raw: "After updating to **5.2** the app shows `ERR_SYNC_STALLED` on start.",
            cooked: "After updating to <strong>5.2</strong> the app shows <code>ERR_SYNC_STALLED</code> on start.")
            + .paragraph("I am on the Plus plan with about 40 GB used. Anything I can check before I reinstall?"),
        .heading(3, "Setup") + .list(["Lumen 5.2 desktop", "Two laptops and a phone", "About 80,000 files"])
            + .paragraph("What is the recommended way to handle this?"),
    ].map { ($0, PostBody.excerpt(ofCooked: $0.cooked)) }

    static let replies: [PostBody] =
        SeedTopics.replySentences.map { PostBody.paragraph($0) } + [
            .paragraph("Try this:") + .code("bash", "lumen sync --reset-index"),
            .paragraph("A few things to check:") + .list(["Free disk space", "The proxy settings", "The app version"]),
            .blockQuote("Sync is eventually consistent.") + .paragraph("From the docs, so give it a few minutes."),
            .paragraph("Here is the config that works for me:")
                + .code("json", "{\n  \"sync\": { \"threads\": 2, \"ignore\": [\"*.tmp\", \"node_modules\"] }\n}"),
            .inline(
                raw:
                    "Press <kbd>Ctrl</kbd>+<kbd>R</kbd> in the app to rescan, then wait for the *indexing* badge to go away.",
                cooked:
                    "Press <kbd>Ctrl</kbd>+<kbd>R</kbd> in the app to rescan, then wait for the <em>indexing</em> badge to go away."
            ),
            .paragraph("I had exactly this last month. What fixed it in the end:")
                + .list(
                    [
                        "Sign out on every device", "Clear the cache", "Sign in on one device first",
                        "Add the others one by one",
                    ],
                    ordered: true)
                + .paragraph("Annoying, but it has been stable since."),
            .paragraph("+1, following."),
            .paragraph("Could you share the output of this?") + .code("bash", "lumen doctor --json"),
        ]
}
