import ForaCore
import ForaRender

/// The reader's ways into the composer: reply to the topic or to the post at the top, quote
/// it, and what the composer needs to know about the topic (participants, the answered post).
extension ReaderScreen {
    func replyAction(_ operation: OperationID, count: Int?) -> ScreenAction {
        switch operation {
        case .replyToPost:
            guard let number = count ?? currentPostNumber else { return .message("no post to reply to here") }
            return .compose(.reply(toPostNumber: number))
        case .quotePost:
            guard let post = currentPost else { return .message("no post to quote here (still loading?)") }
            return .compose(.quote(quote(of: post)))
        default: return .compose(.reply(toPostNumber: nil))
        }
    }

    /// A quote of `post`: its rendered text, as long as the reader holds only cooked HTML.
    public func quote(of post: ReaderPost) -> QuotedPost {
        QuotedPost(username: post.username, postNumber: post.number, topicID: topic.id, text: plainText(of: post))
    }

    /// The post's text as the renderer shows it, without wrapping.
    public func plainText(of post: ReaderPost) -> String {
        renderer.render(post.cooked, width: 10_000).plainText
    }

    /// A loaded post by number.
    public func post(number: Int) -> ReaderPost? {
        stream.loadedPosition(ofNumber: number).flatMap { stream[$0] }
    }

    /// Usernames for @-completion, the latest posters first, each once.
    public var participants: [String] {
        var names: [String] = []
        for position in stream.loadedPositions.reversed() {
            if let name = stream[position]?.username, !names.contains(name) { names.append(name) }
        }
        return names
    }
}
