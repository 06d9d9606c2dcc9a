/// What live updates report to the interface, whatever carried them (the message bus or the
/// polling fallback). Payloads are reduced to what a client acts on: which topic changed,
/// whether a list moved, and the counts the status bar shows.
public enum LiveEvent: Sendable, Equatable {
    /// A post of the topic was created or changed (`kind` is the message's `type`: created,
    /// revised, deleted, liked…; `reload` when the whole topic should be reloaded).
    case topicChanged(topicID: Int, postNumber: Int?, kind: String)
    /// A topic was bumped or created (`/latest`, `/new`); nil: the list changed in ways not
    /// tied to one topic.
    case listChanged(topicID: Int?)
    /// The viewer's unread notifications (`/notification/{user_id}`).
    case notificationCounts(unread: Int, highPriority: Int)
    /// Reviewables waiting for a moderator (staff only; `/reviewable_counts/{user_id}`).
    case reviewCount(Int)
    /// How updates arrive from now on.
    case mode(LiveMode)
}

/// How live updates reach the client.
public enum LiveMode: String, Sendable, Equatable {
    /// Long polls on the site's message bus.
    case messageBus = "live"
    /// The site has no message bus (or refuses it): its JSON endpoints are polled instead.
    case polling = "polling"
}

/// A source of live updates. `nextEvents()` waits for news (a long poll, or one round of the
/// polling fallback) and never fails: errors are retried with back-off inside, so the caller
/// simply asks again. `watchTopic` changes the open topic and ends a wait in progress early
/// (it then returns what it has, often nothing), so the next wait includes the new topic.
public protocol LiveUpdateSource: Sendable {
    func watchTopic(_ topicID: Int?) async
    func nextEvents() async -> [LiveEvent]
}
