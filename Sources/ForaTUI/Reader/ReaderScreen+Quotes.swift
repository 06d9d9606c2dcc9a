import ForaCore

/// Following a quote to the post it was taken from: Discourse marks each quote of a cooked post
/// with `<aside class="quote" data-post="N" data-topic="T">`.
extension ReaderScreen {
    /// The quote sources of the post at the top, in order: in this topic a jump, in another
    /// one the reader opens there.
    func followQuote(count: Int?) -> ScreenAction {
        guard let post = currentPost else { return .message("no post here") }
        let sources = QuoteSources.parse(post.cooked)
        guard !sources.isEmpty else { return .message("this post quotes no other post") }
        let index = (count ?? 1) - 1
        guard sources.indices.contains(index) else { return .message("this post has \(sources.count) quotes") }
        let source = sources[index]
        if let topicID = source.topicID, topicID != topic.id {
            return .openPost(topicID: topicID, postNumber: source.postNumber)
        }
        return goto(postNumber: source.postNumber)
    }
}

/// The `data-post` and `data-topic` of the quote asides in cooked HTML.
public enum QuoteSources {
    public struct Source: Equatable, Sendable {
        public var topicID: Int?
        public var postNumber: Int
    }

    public static func parse(_ cooked: String) -> [Source] {
        var sources: [Source] = []
        var rest = Substring(cooked)
        while let start = rest.range(of: "<aside") {
            guard let end = rest[start.upperBound...].firstIndex(of: ">") else { break }
            let tag = rest[start.upperBound..<end]
            // Post and topic numbers start at 1; anything else a poster wrote is no source.
            if tag.contains("quote"), let post = attribute("data-post", in: tag).flatMap(Int.init), post > 0 {
                let topic = attribute("data-topic", in: tag).flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil }
                sources.append(Source(topicID: topic, postNumber: post))
            }
            rest = rest[end...]
        }
        return sources
    }

    private static func attribute(_ name: String, in tag: Substring) -> String? {
        guard let range = tag.range(of: name + "=\"") else { return nil }
        let value = tag[range.upperBound...].prefix { $0 != "\"" }
        return String(value)
    }
}
