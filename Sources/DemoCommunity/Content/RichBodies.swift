// Hand-written post bodies that exercise every piece of cooked HTML a client must render.

/// Showcase bodies, each covering some Discourse markup, with raw and cooked kept in step.
enum RichBodies {
    static let formatting = PostBody.join([
        .heading(2, "What I tried"),
        .inline(
            raw: "Sync stalls at **99%** on *large* folders. ~~Restarting~~ did not help. The log says `ERR_QUOTA`.",
            cooked:
                "Sync stalls at <strong>99%</strong> on <em>large</em> folders. <s>Restarting</s> did not help. The log says <code>ERR_QUOTA</code>."
        ),
        .inline(
            raw: "Pressing <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>S</kbd> forces a sync, but it stops again.",
            cooked: "Pressing <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>S</kbd> forces a sync, but it stops again."),
    ])

    static let codeAndLists = PostBody.join([
        .paragraph("Here is how to reset the CLI cache:"),
        .code("bash", "lumen cache clear --all\nlumen sync --verbose ~/Photos"),
        PostBody(
            raw:
                "1. Quit the desktop app\n2. Run the commands\n   * on Linux use `sudo` if installed system-wide\n   * on macOS no sudo needed\n3. Start the app again",
            cooked:
                "<ol>\n<li>Quit the desktop app</li>\n<li>Run the commands\n<ul>\n<li>on Linux use <code>sudo</code> if installed system-wide</li>\n<li>on macOS no sudo needed</li>\n</ul>\n</li>\n<li>Start the app again</li>\n</ol>"
        ),
        .code("json", "{\n  \"sync\": { \"threads\": 4, \"ignore\": [\"*.tmp\"] }\n}"),
    ])

    static let table = PostBody.join([
        .paragraph("Comparison of the plans as of this month:"),
        PostBody(
            raw:
                "| Plan | Storage | Devices |\n|---|---|---|\n| Free | 5 GB | 2 |\n| Plus | 200 GB | 5 |\n| Pro | 2 TB | unlimited |",
            cooked:
                "<div class=\"md-table\">\n<table>\n<thead>\n<tr>\n<th>Plan</th>\n<th>Storage</th>\n<th>Devices</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>Free</td>\n<td>5 GB</td>\n<td>2</td>\n</tr>\n<tr>\n<td>Plus</td>\n<td>200 GB</td>\n<td>5</td>\n</tr>\n<tr>\n<td>Pro</td>\n<td>2 TB</td>\n<td>unlimited</td>\n</tr>\n</tbody>\n</table>\n</div>"
        ),
    ])

    static let linksAndImages = PostBody.join([
        .inline(
            raw: "See the [release notes](https://example.com/lumen/releases) and this screenshot:",
            cooked:
                "See the <a href=\"https://example.com/lumen/releases\" rel=\"noopener nofollow ugc\">release notes</a> and this screenshot:"
        ),
        PostBody(
            raw: "![settings|690x388](upload://settings.png)",
            cooked:
                "<p><div class=\"lightbox-wrapper\"><a class=\"lightbox\" href=\"/uploads/default/original/1X/settings.png\" data-download-href=\"/uploads/default/settings\" title=\"settings\"><img src=\"/uploads/default/optimized/1X/settings_2_690x388.png\" alt=\"settings\" width=\"690\" height=\"388\"><div class=\"meta\"><span class=\"filename\">settings</span><span class=\"informations\">1280×720 88 KB</span></div></a></div></p>"
        ),
        .inline(
            raw: "A small icon too: ![icon](/uploads/default/icon.png)",
            cooked: "A small icon too: <img src=\"/uploads/default/icon.png\" alt=\"icon\">"),
        PostBody(
            raw: "https://example.com/lumen/docs/selective-sync",
            cooked:
                "<aside class=\"onebox allowlistedgeneric\" data-onebox-src=\"https://example.com/lumen/docs/selective-sync\">\n<header class=\"source\"><a href=\"https://example.com/lumen/docs/selective-sync\" target=\"_blank\" rel=\"noopener nofollow ugc\">example.com</a></header>\n<article class=\"onebox-body\">\n<h3><a href=\"https://example.com/lumen/docs/selective-sync\" target=\"_blank\" rel=\"noopener nofollow ugc\">Selective sync – Lumen Docs</a></h3>\n<p>Choose which folders sync to each device.</p>\n</article>\n</aside>"
        ),
    ])

    static let detailsAndSpoiler = PostBody.join([
        PostBody(
            raw: "[details=\"Full log\"]\n2026-10-01 sync: timeout after 30s\n[/details]",
            cooked: "<details>\n<summary>\nFull log</summary>\n<p>2026-10-01 sync: timeout after 30s</p>\n</details>"),
        PostBody(
            raw: "[spoiler]It was the antivirus all along.[/spoiler]",
            cooked: "<p><span class=\"spoiler\">It was the antivirus all along.</span></p>"),
    ])

    static let poll = PostBody.join([
        .paragraph("Which platform should get the next big update?"),
        PostBody(
            raw: "[poll type=regular results=always]\n* Desktop\n* Mobile\n* CLI\n[/poll]",
            cooked:
                "<div class=\"poll\" data-poll-status=\"open\" data-poll-name=\"poll\" data-poll-type=\"regular\">\n<div class=\"poll-container\">\n<ul>\n<li data-poll-option-id=\"a1\">Desktop</li>\n<li data-poll-option-id=\"b2\">Mobile</li>\n<li data-poll-option-id=\"c3\">CLI</li>\n</ul>\n</div>\n<div class=\"poll-info\">\n<p>\n<span class=\"info-number\">0</span>\n<span class=\"info-label\">voters</span>\n</p>\n</div>\n</div>"
        ),
    ])

    static let footnotes = PostBody(
        raw: "Versioning keeps 30 days of history[^1] on paid plans.\n\n[^1]: 180 days on Pro.",
        cooked:
            "<p>Versioning keeps 30 days of history<sup class=\"footnote-ref\"><a href=\"#footnote-1\" id=\"footnote-ref-1\">[1]</a></sup> on paid plans.</p>\n<hr class=\"footnotes-sep\">\n<ol class=\"footnotes-list\">\n<li id=\"footnote-1\" class=\"footnote-item\"><p>180 days on Pro. <a href=\"#footnote-ref-1\" class=\"footnote-backref\">↩︎</a></p>\n</li>\n</ol>"
    )

    static let japanese = PostBody.paragraph("新しいスマートフォンを買いました。Lumen の設定を最初からやり直す必要がありますか？それとも移行できますか？")
    static let japaneseThanks = PostBody.paragraph("ありがとうございます！うまくいきました。")
    static let chinese = PostBody.paragraph("竖着拍的照片上传后，在网页版里显示是横的。手机上看是正常的。请问怎么解决？")
    static let arabic = PostBody.paragraph("مرحبا، تطبيق سطح المكتب يطلب مني تسجيل الدخول مرة بعد مرة. هل من حل؟")
    static let hebrew = PostBody.paragraph("גם אצלי זה קרה. אחרי שאישרתי את הקישור בדפדפן זה עבד.")

    /// Real servers pass control bytes through untouched; the client must neutralise them.
    static let hostile = PostBody.paragraph(
        "My log has weird bytes: \u{1B}]52;c;ZWNobyBwd25lZA==\u{07} and then \u{1B}[2J\u{1B}[31mRED\u{1B}[0m — is that normal?"
    )

    /// A thank-you reply: a mention, an emoji and a hashtag of the topic's category.
    static func friendly(mentioning username: String, category: DemoCategory) -> PostBody {
        PostBody.inline(
            raw:
                "Thanks @\(username)! :smile: That fixed it. Marking this as solved so others in #\(category.slug) find it.",
            cooked:
                "Thanks \(PostBody.mention(username))! \(PostBody.emoji("smile")) That fixed it. Marking this as solved so "
                + "others in \(PostBody.hashtag(category.slug, categoryId: category.id)) find it.")
    }

    /// A short reply that pings someone else into the thread.
    static func ping(_ username: String, _ text: String) -> PostBody {
        PostBody.inline(raw: "@\(username) \(text)", cooked: "\(PostBody.mention(username)) \(PostBody.escape(text))")
    }

    /// The globally pinned welcome post: heading, rules, hashtags, mentions and emoji.
    static func welcome(intro: String) -> PostBody {
        PostBody.join([
            .heading(2, "Welcome to the Lumen Community"),
            .inline(
                raw: "Hi everyone :wave: \(intro)",
                cooked: "Hi everyone \(PostBody.emoji("wave")) \(PostBody.escape(intro))"),
            .heading(3, "A few rules"),
            .list(
                [
                    "Be kind and assume good intent", "One question per topic",
                    "Never post your API token or licence key",
                    "Mark the reply that solved your problem as the solution",
                ], ordered: true),
            .inline(
                raw:
                    "Plans and invoices belong in #billing, ideas in #feature-ideas. The staff here are @admin and @moderator.",
                cooked: "Plans and invoices belong in \(PostBody.hashtag("billing", categoryId: 5)), ideas in "
                    + "\(PostBody.hashtag("feature-ideas", categoryId: 6)). The staff here are \(PostBody.mention("admin")) and "
                    + "\(PostBody.mention("moderator"))."),
        ])
    }

    static let all: [PostBody] = [
        formatting, codeAndLists, table, linksAndImages, detailsAndSpoiler, poll, footnotes,
        japanese, chinese, arabic, hebrew, hostile,
    ]
}
