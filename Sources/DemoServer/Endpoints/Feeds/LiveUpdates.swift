// The demo server's message bus: a small ring of recent messages per channel, published by
// the write and moderation handlers and read by `POST /message-bus/{client_id}/poll`. Like
// discourse/message_bus, every message has a per-channel `message_id` and a bus-wide
// `global_id`; a poller sends the last id it saw per channel and gets what is newer.
import DemoCommunity
import Foundation

/// Who may receive a message: channels such as `/notification/{id}` are private to a user,
/// `/reviewable_counts` to staff, and a private message's `/topic/{id}` to its participants.
enum MessageAudience: Sendable, Equatable {
    case everyone
    case users(Set<Int>)
    case staff
    /// Participants of a private message, plus staff.
    case usersAndStaff(Set<Int>)

    func admits(userId: Int?, isStaff: Bool) -> Bool {
        switch self {
        case .everyone: true
        case .staff: isStaff
        case .users(let ids): userId.map { ids.contains($0) } ?? false
        case .usersAndStaff(let ids): isStaff || (userId.map { ids.contains($0) } ?? false)
        }
    }
}

struct BusMessage: Sendable {
    var globalId: Int
    var messageId: Int
    var channel: String
    var data: JSONValue
    var audience: MessageAudience

    var json: JSONValue {
        ["global_id": .int(globalId), "message_id": .int(messageId), "channel": .string(channel), "data": data]
    }
}

final class LiveUpdates: @unchecked Sendable {
    /// The bus of each community state.
    private static let companions = StateCompanions { LiveUpdates() }
    static func of(_ state: CommunityState) -> LiveUpdates { companions.of(state) }

    /// Messages kept per channel; older ones fall off, as message_bus trims its backlog.
    static let backlogSize = 200

    private let condition = NSCondition()
    private var channels: [String: [BusMessage]] = [:]
    private var lastMessageIds: [String: Int] = [:]
    private var lastGlobalId = 0
    private var waiting = 0
    /// Bumped by `releaseWaitingPolls()`; a waiting poll whose generation changed returns.
    private var generation = 0
    /// The waiting poll of each client id. As in message_bus, a client has one connection:
    /// its next poll (after it changed its channels, say) ends the one still waiting, which
    /// gives its waiting slot back instead of holding it for the rest of the interval.
    private var waitingByClient: [String: Int] = [:]
    private var lastPollToken = 0

    /// How long a poll without `dlp=t` waits for news (Discourse's `long_polling_interval`).
    /// Tests shorten it.
    var longPollSeconds: TimeInterval {
        get { locked { storedLongPollSeconds } }
        set { locked { storedLongPollSeconds = newValue } }
    }
    private var storedLongPollSeconds: TimeInterval = 25

    /// Handlers are synchronous, so a long poll holds one of Swift's few cooperative threads
    /// while it waits. At most this many polls wait at once; the others are answered at once,
    /// as message_bus falls back to short polling past `max_active_clients`.
    let maxWaitingPolls = max(1, ProcessInfo.processInfo.activeProcessorCount - 1)

    /// Appends a message and wakes the polls waiting for it.
    func publish(_ channel: String, _ data: JSONValue, audience: MessageAudience = .everyone) {
        condition.lock()
        defer { condition.unlock() }
        lastGlobalId += 1
        let messageId = (lastMessageIds[channel] ?? 0) + 1
        lastMessageIds[channel] = messageId
        var backlog = channels[channel] ?? []
        backlog.append(
            BusMessage(
                globalId: lastGlobalId, messageId: messageId, channel: channel, data: data, audience: audience))
        if backlog.count > Self.backlogSize { backlog.removeFirst(backlog.count - Self.backlogSize) }
        channels[channel] = backlog
        condition.broadcast()
    }

    /// Answers every poll waiting now with what it has (usually `[]`), so a stopping server
    /// does not hold its requests for the rest of the long-polling interval. Later polls
    /// wait as usual.
    func releaseWaitingPolls() {
        condition.lock()
        defer { condition.unlock() }
        generation += 1
        condition.broadcast()
    }

    private func locked<T>(_ body: () -> T) -> T {
        condition.lock()
        defer { condition.unlock() }
        return body()
    }

    /// The messages a poll receives. Without news and when `wait` is set, waits up to
    /// `longPollSeconds` (if a waiting slot is free) for a message on one of the channels,
    /// then answers `[]`.
    func poll(
        _ subscriptions: [(channel: String, lastId: Int)], userId: Int?, isStaff: Bool, wait: Bool,
        clientId: String? = nil
    ) -> [JSONValue] {
        condition.lock()
        defer { condition.unlock() }
        var answer = collect(subscriptions, userId: userId, isStaff: isStaff)
        guard answer.isEmpty, wait else { return answer }
        lastPollToken += 1
        let token = lastPollToken
        if let clientId, waitingByClient.updateValue(token, forKey: clientId) != nil {
            // Wake the replaced poll and give it a moment to hand back its slot.
            condition.broadcast()
            let deadline = Date().addingTimeInterval(1)
            while waiting >= maxWaitingPolls && condition.wait(until: deadline) {}
        }
        let isCurrent = { clientId.map { self.waitingByClient[$0] == token } ?? true }
        defer {
            if let clientId, isCurrent() { waitingByClient[clientId] = nil }
        }
        guard waiting < maxWaitingPolls else { return answer }
        waiting += 1
        defer {
            waiting -= 1
            condition.broadcast()
        }
        let started = generation
        let deadline = Date().addingTimeInterval(storedLongPollSeconds)
        while answer.isEmpty && generation == started && isCurrent() && condition.wait(until: deadline) {
            answer = collect(subscriptions, userId: userId, isStaff: isStaff)
        }
        return answer
    }

    /// message_bus's backlog rules, under the lock: `N ≥ 0` gets everything after N; `-1`
    /// only the current position (in a `/__status` message); `-K` the last K−1 messages; an
    /// id ahead of the channel is reset through `/__status` as well.
    private func collect(_ subscriptions: [(channel: String, lastId: Int)], userId: Int?, isStaff: Bool) -> [JSONValue]
    {
        var messages: [BusMessage] = []
        var status = JSONObject()
        for (channel, lastId) in subscriptions {
            let current = lastMessageIds[channel] ?? 0
            let visible = (channels[channel] ?? []).filter { $0.audience.admits(userId: userId, isStaff: isStaff) }
            if lastId == -1 || lastId > current {
                status[channel] = .int(current)
            } else if lastId < -1 {
                messages += visible.suffix(-lastId - 1)
            } else {
                messages += visible.filter { $0.messageId > lastId }
            }
        }
        var answer = messages.sorted { $0.globalId < $1.globalId }.map(\.json)
        if !status.entries.isEmpty {
            answer.append([
                "global_id": -1, "message_id": -1, "channel": "/__status", "data": .object(status),
            ])
        }
        return answer
    }
}
