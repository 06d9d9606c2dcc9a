import ForaCore
import ForaNet
import Foundation

/// One message-bus message: its channel, id, and the `data` payload as JSON bytes (payloads
/// differ per channel and type; callers decode what they understand and ignore the rest).
public struct MessageBusMessage: Sendable, Equatable {
    public var channel: String
    public var messageID: Int
    public var data: Data
}

/// Discourse's message bus (`POST /message-bus/{client_id}/poll`) for live updates: the open
/// topic (`/topic/{id}`), new topics (`/latest`, `/new`) and notifications
/// (`/notification/{user_id}`). Uses `Dont-Chunk: true` so each poll is one plain JSON array,
/// and tracks the last id per channel (`-1` at first: no backlog, only the current position).
public actor MessageBus {
    private let service: DiscourseService
    public let clientID: String
    private var lastIDs: [String: Int] = [:]

    public init(service: DiscourseService, clientID: String = "fora-" + UUID().uuidString.lowercased()) {
        self.service = service
        self.clientID = clientID
    }

    public func subscribe(_ channel: String, from lastID: Int = -1) { lastIDs[channel] = lastID }
    public func unsubscribe(_ channel: String) { lastIDs[channel] = nil }
    public var subscriptions: [String: Int] { lastIDs }

    /// One poll. A long poll waits up to the server's interval (25 s on Discourse) for news;
    /// otherwise it answers at once (`dlp=t`). Throws `ForaError.notFound` when the site has
    /// no message bus: the caller then falls back to refreshing periodically.
    public func poll(longPoll: Bool = true) async throws -> [MessageBusMessage] {
        guard !lastIDs.isEmpty else { return [] }
        var body: [String: Any] = [:]
        for (channel, id) in lastIDs { body[channel] = id }
        let path = "/message-bus/\(clientID.addingPercentEncodingForPath())/poll" + (longPoll ? "" : "?dlp=t")
        // Safe to repeat: a poll changes nothing on the server.
        let response = try await service.send(
            "POST", path, json: body, headers: ["Dont-Chunk": "true"], retryable: true)
        let messages = try Self.parse(response.body, endpoint: path)
        for message in messages {
            if message.channel == "/__status" {
                // The current position of each channel subscribed with -1.
                if let positions = try? JSONSerialization.jsonObject(with: message.data) as? [String: Any] {
                    for (channel, value) in positions where lastIDs[channel] != nil {
                        if let id = value as? Int { lastIDs[channel] = id }
                    }
                }
            } else if lastIDs[message.channel] != nil {
                lastIDs[message.channel] = max(lastIDs[message.channel] ?? -1, message.messageID)
            }
        }
        return messages.filter { $0.channel != "/__status" }
    }

    static func parse(_ body: [UInt8], endpoint: String) throws -> [MessageBusMessage] {
        guard let array = try? JSONSerialization.jsonObject(with: Data(body)) as? [Any] else {
            throw ForaError.malformedResponse(endpoint: endpoint, field: "expected a JSON array of messages")
        }
        return array.compactMap { item in
            guard let object = item as? [String: Any], let channel = object["channel"] as? String,
                let id = object["message_id"] as? Int
            else { return nil }
            let payload = object["data"].flatMap { value -> Data? in
                guard JSONSerialization.isValidJSONObject(value) else {
                    return try? JSONSerialization.data(withJSONObject: [value], options: [.fragmentsAllowed])
                }
                return try? JSONSerialization.data(withJSONObject: value)
            }
            return MessageBusMessage(channel: channel, messageID: id, data: payload ?? Data("null".utf8))
        }
    }

    /// What a live-update loop reports.
    public enum Update: Sendable, Equatable {
        case messages([MessageBusMessage])
        /// The site has no message bus: refresh now (and again after each `fallbackInterval`).
        case refreshNeeded
    }

    /// Polls until cancelled. On a site without a message bus it falls back to asking the
    /// caller to refresh every `fallbackInterval` seconds.
    public nonisolated func updates(fallbackInterval: Double = 60) -> AsyncThrowingStream<Update, any Error> {
        AsyncThrowingStream { continuation in
            let task = Task {
                var available = true
                while !Task.isCancelled {
                    if available {
                        do {
                            let messages = try await self.poll()
                            if !messages.isEmpty { continuation.yield(.messages(messages)) }
                        } catch ForaError.notFound {
                            available = false
                        } catch is CancellationError {
                            break
                        } catch {
                            continuation.finish(throwing: error)
                            return
                        }
                    } else {
                        continuation.yield(.refreshNeeded)
                        try? await Task.sleep(nanoseconds: UInt64(fallbackInterval * 1_000_000_000))
                    }
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}
