import ForaCore

/// The words `fora read` puts beside a topic's title and a post's header for what the site
/// shows as badges and states: never colour alone, so they survive a pipe and `NO_COLOR`.
enum ReadMarks {
    /// " [closed]", " [archived]", " [unlisted]", " [message]" after the title.
    static func topic(_ detail: TopicDetail) -> String {
        var marks: [String] = []
        if detail.archetype == "private_message" { marks.append("message") }
        if detail.closed { marks.append("closed") }
        if detail.archived { marks.append("archived") }
        if !detail.visible { marks.append("unlisted") }
        return marks.map { " [\($0)]" }.joined()
    }

    /// " [admin]", " [moderator]", else " TL2"; then the title the author chose to show.
    static func badges(_ post: Post) -> String {
        var text = ""
        if post.admin {
            text += " [admin]"
        } else if post.moderator {
            text += " [moderator]"
        } else if let level = post.trustLevel {
            text += " TL\(level)"
        }
        if let title = post.userTitle, !title.isEmpty { text += " (\(Output.clean(title)))" }
        return text
    }

    /// " [deleted]", " [hidden]", " [wiki]".
    static func states(_ post: Post) -> String {
        var marks: [String] = []
        if post.deletedAt != nil { marks.append("deleted") }
        if post.hidden { marks.append("hidden") }
        if post.wiki { marks.append("wiki") }
        return marks.map { " [\($0)]" }.joined()
    }

    /// "moderator closed the topic 2h ago".
    static func smallAction(_ post: Post) -> String {
        SmallAction.line(code: post.actionCode, username: post.username, createdAt: post.createdAt)
    }
}
