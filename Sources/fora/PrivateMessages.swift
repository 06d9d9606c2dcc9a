import ArgumentParser
import ForaCore
import ForaNet
import Foundation

/// `fora pm list|read|send`: private messages.
struct PrivateMessage: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pm", abstract: "Private messages: list, read, send.",
        subcommands: [PMList.self, Read.self, PMSend.self])
}

struct PMList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Your private message threads.")
    @OptionGroup var globals: GlobalOptions

    mutating func run() async throws {
        let site = try globals.configuration()
        guard let username = site.accountUsername else {
            throw CommandFailure(.notLoggedIn)
        }
        let service = try globals.service()
        let list = try await withFailures { try await service.privateMessages(username: username) }
        if globals.json {
            try Output.json(list.topics.map(JSONSchemas.topic))
            return
        }
        if list.topics.isEmpty { return Output.line("no private messages") }
        var rows = [["ID", "", "MESSAGE", "POSTS", "ACTIVITY"]]
        for topic in list.topics {
            rows.append([
                String(topic.id), topic.unread ? "•" : " ", DisplayWidth.truncate(topic.title, to: 70),
                String(topic.postsCount), topic.lastActivity.map { ForaDate.relative($0) } ?? "",
            ])
        }
        for (index, line) in Output.table(rows, rightAligned: [0, 3]).enumerated() {
            Output.line(line, style: index == 0 ? .bold : nil)
        }
    }
}

/// Sent at once rather than through the outbox: the outbox's actions have no recipients yet.
struct PMSend: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "send", abstract: "Start a private message.")
    @OptionGroup var globals: GlobalOptions
    @Option(help: "Recipients: usernames separated by commas.") var to: String
    @Option(help: "The message's title.") var title: String
    @Option(help: "Read the message from this file (- for stdin).") var file: String?
    @Argument(help: "The message's text, when no --file.") var text: [String] = []

    mutating func run() async throws {
        let raw = try OutboxSubmission.body(file: file, words: text)
        let service = try globals.service()
        let post = NewPost(raw: raw, title: title, targetRecipients: to)
        let result = try await withFailures { try await service.createPost(post) }
        switch result {
        case .created(let created):
            if globals.json {
                try Output.json(["post_id": created.id, "topic_id": Output.nullable(created.topicID)])
            } else {
                Output.line("sent to \(to)" + (created.topicID.map { " (topic \($0))" } ?? ""))
            }
        case .enqueued:
            if globals.json { try Output.json(["enqueued": true]) } else { Output.line("held for approval") }
        }
    }
}
