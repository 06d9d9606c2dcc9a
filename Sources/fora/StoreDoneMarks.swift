import ForaCore
import ForaStore
import ForaTUI

/// The interface's "done" marks, kept in the store like `fora done`'s.
struct StoreDoneMarks: DoneMarks {
    let store: Store

    func markDone(_ topic: Topic) throws { try store.markDone(topicID: topic.id, highestPostNumber: topic.postsCount) }

    func withoutDone(_ topics: [Topic]) -> [Topic] {
        guard let marks = try? store.doneTopics(), !marks.isEmpty else { return topics }
        return topics.filter { !store.isDone(topicID: $0.id, highestPostNumber: $0.postsCount, marks: marks) }
    }
}
