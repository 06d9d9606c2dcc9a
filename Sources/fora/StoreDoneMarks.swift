import ForaCore
import ForaStore
import ForaTUI

/// The interface's "done" marks, kept in the store like `fora done`'s.
struct StoreDoneMarks: DoneMarks {
    let store: Store

    func markDone(_ topic: Topic) throws { try store.markDone(topicID: topic.id, highestPostNumber: topic.postsCount) }

    func isDone(_ topic: Topic) -> Bool {
        guard let marks = try? store.doneTopics() else { return false }
        return store.isDone(topicID: topic.id, highestPostNumber: topic.postsCount, marks: marks)
    }
}
