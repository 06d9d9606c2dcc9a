import ForaCore
import ForaRender
import Foundation

@testable import ForaTUI

/// A community with a fixed list of topics.
struct FakeService: CommunityService {
    var topics: [Topic]
    var categories: [ForaCore.Category] = [Category(id: 1, name: "Support", slug: "support", color: "0088CC")]
    var error: ForaError?
    var notificationsJSON = #"{"notifications": []}"#
    /// What `search` answers, as `/search.json` sends it; nil: the site has no search.
    var searchJSON: String?

    func search(_ query: String, page: Int) async throws -> SearchResult {
        if let error { throw error }
        guard let searchJSON else { throw ForaError.other("this community does not support that") }
        return try JSONDecoder().decode(SearchResult.self, from: Data(searchJSON.utf8))
    }

    func notifications() async throws -> NotificationList {
        if let error { throw error }
        return try JSONDecoder().decode(NotificationList.self, from: Data(notificationsJSON.utf8))
    }

    func latestTopics(page: Int) async throws -> TopicList {
        if let error { throw error }
        return TopicList(topics: page == 0 ? topics : [])
    }

    func categories() async throws -> [ForaCore.Category] { categories }

    static func topics(_ count: Int) -> [Topic] {
        (1...count).map {
            Topic(
                id: $0, title: "Topic number \($0)", categoryID: 1, replyCount: $0, views: $0 * 10, unread: $0 % 3 == 0)
        }
    }
}

/// Topics of any length, generated: post N says "Body of post N". Post 7 quotes, post 3 has two
/// links, posts after `lastRead` are unread, and the solution is `solution`. Positions equal
/// numbers minus one unless `gapAfter` removes a post number.
final class FakeReaderSource: ReaderDataSource, @unchecked Sendable {
    let postCount: Int
    let solution: Int?
    let lastRead: Int?
    let gapAfter: Int?
    private let lock = NSLock()
    private(set) var requests: [Range<Int>] = []
    /// Posts (by number) the site reports hidden or deleted, for the moderation tests.
    var hiddenNumbers: Set<Int> = []
    var deletedNumbers: Set<Int> = []

    init(postCount: Int, solution: Int? = nil, lastRead: Int? = nil, gapAfter: Int? = nil) {
        self.postCount = postCount
        self.solution = solution
        self.lastRead = lastRead
        self.gapAfter = gapAfter
    }

    var requestLog: [Range<Int>] {
        lock.lock()
        defer { lock.unlock() }
        return requests
    }

    func number(at position: Int) -> Int {
        if let gap = gapAfter, position >= gap { return position + 2 }
        return position + 1
    }

    func post(at position: Int) -> ReaderPost {
        let number = number(at: position)
        var cooked = "Body of post \(number)"
        if number == 3 { cooked += "\nlink https://example.com/a\nlink https://example.com/b" }
        if number == 7 { cooked = "> quoted one\n> quoted two\nreply text of post 7" }
        var post = ReaderPost(
            id: 1000 + number, number: number, username: number == 1 ? "alice" : "user\(number)",
            trustLevel: number % 4, badge: number == 2 ? .moderator : nil, createdAt: "2026-03-04T14:05:00Z",
            replyToPostNumber: number > 1 ? number - 1 : nil, cooked: cooked, isSolution: number == solution,
            likes: number % 5, isRead: lastRead.map { number <= $0 } ?? true)
        post.moderation = PostModerationFacts(
            userID: 500 + number, hidden: hiddenNumbers.contains(number), deleted: deletedNumbers.contains(number))
        return post
    }

    func topic(id: Int) async throws -> ReaderTopic {
        ReaderTopic(
            id: id, title: "Topic number \(id)", postCount: postCount, acceptedAnswerPostNumber: solution,
            lastReadPostNumber: lastRead,
            initialPosts: (0..<min(PostStream.windowSize, postCount)).map(post(at:)))
    }

    func posts(topicID: Int, positions: Range<Int>) async throws -> [ReaderPost] {
        lock.withLock { requests.append(positions) }
        return positions.clamped(to: 0..<postCount).map(post(at:))
    }
}

/// A renderer for tests: one line per "\n"-separated line, "> " lines as quotes, and words
/// starting with http collected as links.
struct FakeRenderer: PostRendering {
    func render(_ cooked: String, width: Int) -> RenderedDocument {
        var links: [String] = []
        let lines = cooked.split(separator: "\n", omittingEmptySubsequences: false).map { raw -> StyledLine in
            let text = String(raw)
            for word in text.split(separator: " ") where word.hasPrefix("http") { links.append(String(word)) }
            if text.hasPrefix("> ") { return StyledLine([StyledRun(String(text.dropFirst(2)), role: .quote)]) }
            return StyledLine([StyledRun(text)])
        }
        return RenderedDocument(lines: lines, links: links)
    }
}

/// Records the URLs it was asked to open.
final class RecordingOpener: URLOpener {
    var opened: [String] = []
    func open(_ url: String) -> String? {
        opened.append(url)
        return nil
    }
}
