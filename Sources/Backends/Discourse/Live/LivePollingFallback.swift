import ForaCore
import ForaNet
import Foundation

/// Live updates for a site without a message bus: each round reads the JSON endpoints a
/// client already uses (the first page of `/latest.json`, the open topic's `/t/{id}.json`
/// and, when logged in, `/session/current.json`) and reports what changed since the round
/// before. The first round only takes the snapshot (and reports the counts).
struct LivePollingFallback: Sendable {
    /// Per listed topic: its post count and last post time, to spot bumps.
    private var listed: [Int: String]?
    /// The open topic and its highest post number when last seen.
    private var watched: (topicID: Int, highest: Int)?
    private var lastCounts: [LiveEvent] = []

    /// When more topics than this changed, one `.listChanged(nil)` stands for all.
    static let individualChanges = 5

    /// Forgets the open topic's snapshot (another topic is open now).
    mutating func topicChanged() { watched = nil }

    /// The topic the last round looked at.
    var topicID: Int? { watched?.topicID }

    mutating func round(service: DiscourseService, loggedIn: Bool, topicID: Int?) async throws -> [LiveEvent] {
        var events: [LiveEvent] = []
        if loggedIn, let identity = try await LiveIdentity.fetch(from: service) {
            let counts = identity.countEvents
            if counts != lastCounts { events += counts }
            lastCounts = counts
        }
        let page = try await service.latestTopics(page: 0)
        let now = Dictionary(
            page.topics.map { ($0.id, "\($0.postsCount) \($0.lastPostedAt ?? "")") }, uniquingKeysWith: { a, _ in a })
        if let before = listed {
            let changed = now.keys.filter { before[$0] != now[$0] }.sorted()
            if changed.count > Self.individualChanges {
                events.append(.listChanged(topicID: nil))
            } else {
                events += changed.map { .listChanged(topicID: $0) }
            }
        }
        listed = now
        if let topicID {
            let detail = try await service.topic(id: topicID)
            let highest = detail.highestPostNumber ?? detail.postsCount
            if let seen = watched, seen.topicID == topicID, highest > seen.highest {
                events.append(.topicChanged(topicID: topicID, postNumber: highest, kind: "created"))
            }
            watched = (topicID, highest)
        }
        return events
    }
}
