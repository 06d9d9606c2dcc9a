import ArgumentParser
import ForaCore
import ForaNet
import ForaStore
import Foundation

/// `fora done TOPIC [--undo]`: hides a topic from the work lists (`unanswered`, `unsolved`)
/// until someone posts in it again. Kept in the local store; nothing is sent.
struct Done: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Mark a topic done: the work lists hide it until it gets a new reply.")
    @OptionGroup var globals: GlobalOptions
    @Argument(help: "The topic id.") var topic: Int
    @Flag(help: "Show the topic in the work lists again.") var undo = false

    mutating func run() async throws {
        let site = try globals.configuration()
        let store = try StoreAccess.open(site)
        let topic = self.topic
        if undo {
            try await StoreAccess.run { try store.unmarkDone(topicID: topic) }
            return finish("topic \(topic) is back in the work lists", done: false)
        }
        let service = try globals.service()
        let detail = try await withFailures { try await service.topic(id: topic) }
        try await StoreAccess.run { try store.markDone(topicID: topic, highestPostNumber: detail.postsCount) }
        finish("topic \(topic) is done until someone replies", done: true)
    }

    private func finish(_ message: String, done: Bool) {
        if globals.json { try? Output.json(["topic_id": topic, "done": done]) } else { Output.line(message) }
    }
}
