import ForaCore
import ForaStore
import Foundation

/// Reading reaches the site as Discourse's web client reports it: after each draw the posts
/// on screen are timed, and a topic's timings go out as one `timings` write through the
/// outbox (so reading offline is sent later) when the user leaves the topic or every half
/// minute. The store, the list's unread marks and its count follow at once.
extension AppController {
    func trackReading(now: Date = Date()) {
        let shown = reader.map { ($0.topic.id, $0.visiblePostNumbers) }
        guard let batch = reading.show(topicID: shown?.0, postNumbers: shown?.1 ?? [], at: now) else { return }
        send(batch)
    }

    /// Sends what was measured and not sent yet (quitting).
    func flushReading() {
        if let batch = reading.take() { send(batch) }
    }

    private func send(_ batch: ReadingTracker.Batch) {
        let numbers = batch.postNumbers
        guard let highest = numbers.last else { return }
        readerSource?.noteRead(topicID: batch.topicID, postNumbers: numbers)
        let remaining = reader.flatMap { $0.topic.id == batch.topicID ? $0.topic.highestPostNumber : nil }
            .map { max(0, $0 - highest) }
        list.noteRead(topicID: batch.topicID, unreadPosts: remaining)
        status.unreadTopics = list.unreadCount
        guard let queueWrite else { return }
        let action = OutboxAction.timings(
            topicID: batch.topicID, topicTimeMs: batch.topicTimeMs, timings: batch.timings)
        runner.run {
            _ = try await queueWrite(action)
        } then: { [weak self] _ in
            self?.refreshOutboxCount()
        }
    }
}
