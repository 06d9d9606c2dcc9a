import ArgumentParser
import DiscourseBackend
import ForaCore
import ForaNet
import ForaStore
import Foundation

/// `fora topic close|open|pin|unpin|list|unlist|archive|move TOPIC`.
struct TopicModeration: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topic", abstract: "Moderate a topic: close, open, pin, unpin, list, unlist, archive, move.")
    @OptionGroup var globals: GlobalOptions
    @Argument(help: "close, open, pin, unpin, list, unlist, archive, unarchive or move.") var action: String
    @Argument(help: "The topic id.") var topic: Int
    @Option(help: "For move: the category to move the topic to (slug or id).") var category: String?

    mutating func run() async throws {
        let service = try globals.service()
        let topic = self.topic
        if action == "move" {
            guard let category else { throw CommandFailure(.usage("fora topic move needs --category")) }
            let categoryID = try await CategoryLookup.id(of: category, globals: globals)
            _ = try await withFailures { try await service.moveTopic(topicID: topic, categoryID: categoryID) }
            return finish("moved topic \(topic) to category \(categoryID)")
        }
        let statuses: [String: (TopicStatus, Bool)] = [
            "close": (.closed, true), "open": (.closed, false), "pin": (.pinned, true), "unpin": (.pinned, false),
            "list": (.visible, true), "unlist": (.visible, false), "archive": (.archived, true),
            "unarchive": (.archived, false),
        ]
        guard let (status, enabled) = statuses[action] else {
            let known = (statuses.keys.sorted() + ["move"]).joined(separator: ", ")
            throw CommandFailure(.usage("unknown topic action \(action): use \(known)"))
        }
        try await withFailures { try await service.setTopicStatus(topicID: topic, status: status, enabled: enabled) }
        finish("topic \(topic): \(action) done")
    }

    private func finish(_ message: String) {
        if globals.json {
            try? Output.json(["topic_id": topic, "action": action, "success": true])
        } else {
            Output.line(message)
        }
    }
}

/// `fora user silence|suspend NAME --reason R [--until DATE]` (staff), beside `fora user NAME`.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Show a user's profile, or silence or suspend a user (staff).",
        subcommands: [User.self, UserPenalty.Silence.self, UserPenalty.Suspend.self], defaultSubcommand: User.self)
}

enum UserPenalty {
    /// What both penalties take.
    struct Options: ParsableArguments {
        @OptionGroup var globals: GlobalOptions
        @Argument(help: "The username.") var name: String
        @Option(help: "Why (shown to the user and in the staff log).") var reason: String
        @Option(help: "Until this date (YYYY-MM-DD or ISO 8601); silence: forever, suspend: a week, when absent.")
        var until: String?
        @Flag(help: "Do not ask first.") var yes = false

        func apply(_ penalty: String) async throws {
            try await UserPenalty.apply(penalty, name: name, reason: reason, until: until, yes: yes, globals: globals)
        }
    }

    struct Silence: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "silence", abstract: "Silence a user: they can read but not post.")
        @OptionGroup var options: Options
        mutating func run() async throws { try await options.apply("silence") }
    }

    struct Suspend: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "suspend", abstract: "Suspend a user: they cannot log in.")
        @OptionGroup var options: Options
        mutating func run() async throws { try await options.apply("suspend") }
    }

    static func apply(
        _ penalty: String, name: String, reason: String, until: String?, yes: Bool, globals: GlobalOptions
    ) async throws {
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw CommandFailure(.usage("--reason must not be empty"))
        }
        var untilTime: Date?
        if let until {
            guard let date = parse(until) else { throw CommandFailure(.usage("cannot read the date \(until)")) }
            untilTime = date
        } else if penalty == "suspend" {
            untilTime = Date().addingTimeInterval(7 * 86_400)
        }
        let untilDate = untilTime.map { ISO8601DateFormatter().string(from: $0) }
        if !yes {
            try Confirmation.ask("\(penalty) \(name)" + (untilDate.map { " until \($0)" } ?? " indefinitely") + "?")
        }
        let service = try globals.service()
        let profile = try await withFailures { try await service.user(username: name) }
        _ = try await withFailures {
            try await service.penalize(
                userID: profile.id, suspend: penalty == "suspend", reason: reason, until: untilTime)
        }
        if globals.json {
            try Output.json(["username": name, "penalty": penalty, "until": Output.nullable(untilDate)])
        } else {
            Output.line(
                "\(penalty == "suspend" ? "suspended" : "silenced") \(name)" + (untilDate.map { " until \($0)" } ?? ""))
        }
    }

    static func parse(_ text: String) -> Date? {
        if let date = ISO8601DateFormatter().date(from: text) { return date }
        let day = DateFormatter()
        day.locale = Locale(identifier: "en_US_POSIX")
        day.timeZone = TimeZone(identifier: "UTC")
        day.dateFormat = "yyyy-MM-dd"
        return day.date(from: text)
    }
}
